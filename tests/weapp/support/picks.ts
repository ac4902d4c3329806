// Real files for the photo picker: a phone-camera-sized JPEG made with sharp and the committed MP4
// clip (with a JPEG poster), written where the WeChat stand-in copies them from.
import { copyFile, writeFile } from 'node:fs/promises';
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
