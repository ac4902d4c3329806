// Real media for tests: a JPEG made with sharp, a tiny real MP4 fixture, and the presigned POST
// exactly as a browser or Taro.uploadFile sends it (policy fields first, the file last).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export async function makeJpeg(width = 640, height = 480): Promise<Buffer> {
  // Noise so the JPEG has realistic size and entropy.
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5) * 31) & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

export async function makePng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: '#c00' } }).png().toBuffer();
}

/** A 1-second 64×64 H.264 MP4 made with ffmpeg once and committed (tests/fixtures/clip.mp4). */
export function readMp4(): Promise<Buffer> {
  return readFile(join(import.meta.dirname, '..', 'fixtures', 'clip.mp4'));
}

export async function postToStorage(
  upload: { url: string; fields: Record<string, string>; fileField: string },
  bytes: Buffer,
  contentType: string,
  filename = 'file.bin',
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append(upload.fileField, new Blob([new Uint8Array(bytes)], { type: contentType }), filename);
  return fetch(upload.url, { method: 'POST', body: form });
}
