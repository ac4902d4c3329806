// Real files for the photo picker: a phone-camera-sized JPEG made with sharp, the committed MP4
// clip (with a JPEG poster) and that clip padded past 8 MB, written where the WeChat stand-in copies them from.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeJpeg } from '../../support/media.js';
import type { Pick } from './wx.js';

export const CLIP_MP4 = join(import.meta.dirname, '..', '..', 'fixtures', 'clip.mp4');

export async function photoPick(dir: string, name: string, width = 2400, height = 1800): Promise<Pick & { bytes: number }> {
  const bytes = await makeJpeg(width, height);
  const file = join(dir, name);
  await writeFile(file, bytes);
  return { kind: 'image', file, bytes: bytes.length };
}

export async function videoPick(dir: string, name: string): Promise<Pick> {
  const file = join(dir, name);
  await copyFile(CLIP_MP4, file);
  const thumb = join(dir, `${name}.poster.jpg`);
  await writeFile(thumb, await makeJpeg(64, 64));
  // The fixture is a 1-second 64×64 H.264 clip (tests/support/media.ts).
  return { kind: 'video', file, thumb, duration: 1, width: 64, height: 64 };
}

/**
 * A real MP4 of `bytes` bytes: the committed clip followed by a top-level `free` box (ISO BMFF padding,
 * which players and sniffers skip), as a long phone video would be for size. Still a valid MP4.
 */
export async function bigVideoPick(dir: string, name: string, bytes: number): Promise<Pick & { bytes: number }> {
  const clip = await readFile(CLIP_MP4);
  const pad = bytes - clip.length;
  if (pad < 8) throw new Error(`bigVideoPick: ${bytes} bytes is not bigger than the clip`);
  const box = Buffer.alloc(pad);
  box.writeUInt32BE(pad, 0);
  box.write('free', 4, 'latin1');
  const file = join(dir, name);
  await writeFile(file, Buffer.concat([clip, box]));
  const thumb = join(dir, `${name}.poster.jpg`);
  await writeFile(thumb, await makeJpeg(64, 64));
  return { kind: 'video', file, thumb, duration: 58, width: 64, height: 64, bytes };
}
