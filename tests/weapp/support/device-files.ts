// The phone's file system as WeChat exposes it: temp files (wxfile://tmp_… and http://tmp/…) that
// vanish when the app is relaunched, saved files (wxfile://store_…) and USER_DATA_PATH that stay.
// Every virtual path maps to a real file in the device's data folder.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

export const USER_DATA_PATH = 'wxfile://usr';

export class DeviceFiles {
  readonly tmpDir: string;
  readonly storeDir: string;
  readonly usrDir: string;

  constructor(dataDir: string) {
    this.tmpDir = join(dataDir, 'tmp');
    this.storeDir = join(dataDir, 'store');
    this.usrDir = join(dataDir, 'usr');
    for (const d of [this.tmpDir, this.storeDir, this.usrDir]) mkdirSync(d, { recursive: true });
  }

  /** What WeChat does to temp files when the app process is gone. */
  wipeTemp(): void {
    rmSync(this.tmpDir, { recursive: true, force: true });
    mkdirSync(this.tmpDir, { recursive: true });
  }

  /** The real file behind a virtual path, or null when the path is not one WeChat hands out. */
  real(path: string): string | null {
    let m = /^wxfile:\/\/(tmp_[A-Za-z0-9_.-]+)$/.exec(path) ?? /^http:\/\/tmp\/([A-Za-z0-9_.-]+)$/.exec(path);
    if (m) return join(this.tmpDir, m[1]!);
    m = /^wxfile:\/\/(store_[A-Za-z0-9_.-]+)$/.exec(path);
    if (m) return join(this.storeDir, m[1]!);
    if (path === USER_DATA_PATH || path.startsWith(`${USER_DATA_PATH}/`)) {
      const rest = path.slice(USER_DATA_PATH.length).replace(/^\/+/, '');
      if (rest.split('/').includes('..')) return null;
      return join(this.usrDir, rest);
    }
    return null;
  }

  /** The real file behind a path if it exists now. */
  existing(path: string): string | null {
    const real = this.real(path);
    return real && existsSync(real) && statSync(real).isFile() ? real : null;
  }

  /** A new temp file: `wxfile://tmp_…` like a phone, or `http://tmp/…` like the devtools. */
  newTemp(ext: string, content: Buffer | { copyOf: string }, style: 'wxfile' | 'http' = 'wxfile'): string {
    const name = `tmp_${randomBytes(8).toString('hex')}${ext.startsWith('.') ? ext : `.${ext}`}`;
    const real = join(this.tmpDir, name);
    if (Buffer.isBuffer(content)) writeFileSync(real, content);
    else copyFileSync(content.copyOf, real);
    return style === 'wxfile' ? `wxfile://${name}` : `http://tmp/${name}`;
  }

  /** saveFile: moves a temp file into the persistent store, or to `filePath` under USER_DATA_PATH. */
  save(tempFilePath: string, filePath?: string): string {
    const real = this.existing(tempFilePath);
    if (!real || !real.startsWith(this.tmpDir)) throw new Error(`saveFile:fail tempFilePath file not exist`);
    if (filePath !== undefined) {
      const dest = filePath.startsWith(`${USER_DATA_PATH}/`) ? this.real(filePath) : null;
      if (!dest || !existsSync(dirname(dest))) throw new Error(`saveFile:fail no such file or directory, open '${filePath}'`);
      copyFileSync(real, dest);
      unlinkSync(real);
      return filePath;
    }
    const name = `store_${randomBytes(8).toString('hex')}${extname(real)}`;
    copyFileSync(real, join(this.storeDir, name));
    unlinkSync(real);
    return `wxfile://${name}`;
  }

  savedList(): Array<{ filePath: string; size: number; createTime: number }> {
    return readdirSync(this.storeDir).map((name) => {
      const st = statSync(join(this.storeDir, name));
      return { filePath: `wxfile://${name}`, size: st.size, createTime: Math.floor(st.birthtimeMs / 1000) };
    });
  }

  read(path: string): Buffer {
    const real = this.existing(path);
    if (!real) throw new Error(`no such file or directory, open '${path}'`);
    return readFileSync(real);
  }

  digest(path: string, algorithm: 'md5' | 'sha1'): string {
    return createHash(algorithm).update(this.read(path)).digest('hex');
  }
}
