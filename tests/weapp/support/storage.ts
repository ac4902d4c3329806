// wx storage kept in a JSON file of the device's data folder, so a relaunch of the app (fresh module
// state, same folder) finds what the previous launch stored, as on a phone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DeviceStorage {
  private readonly file: string;
  private data: Record<string, unknown>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'storage.json');
    this.data = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>) : {};
  }

  private flush(): void {
    writeFileSync(this.file, JSON.stringify(this.data));
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data, key);
  }

  /** WeChat answers '' for a key never set. Values come back as new copies, as from real storage. */
  get(key: string): unknown {
    return this.has(key) ? JSON.parse(JSON.stringify(this.data[key])) : '';
  }

  set(key: string, value: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: parameter.key should be String');
    if (value === undefined) throw new Error('setStorageSync:fail parameter error: parameter.data should not be undefined');
    this.data[key] = JSON.parse(JSON.stringify(value));
    this.flush();
  }

  remove(key: string): void {
    delete this.data[key];
    this.flush();
  }

  clear(): void {
    this.data = {};
    this.flush();
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  /** Size in KB, as getStorageInfoSync reports it. */
  sizeKb(): number {
    return Math.ceil(Buffer.byteLength(JSON.stringify(this.data)) / 1024);
  }
}
