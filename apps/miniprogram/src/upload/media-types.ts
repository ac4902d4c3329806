// Guesses a MIME type from a file name when the picker does not say (mini-program temp files).
const BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  gif: 'image/gif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4v: 'video/mp4',
};

export function contentTypeOf(pathOrName: string, fallback: string): string {
  const m = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(pathOrName);
  return (m && BY_EXT[m[1]!.toLowerCase()]) || fallback;
}
