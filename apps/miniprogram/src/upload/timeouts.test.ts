// Upload timeouts grow with the file: a 100 MB video on a slow uplink is not cut off at a fixed 2 minutes.
import { describe, expect, it } from 'vitest';
import { uploadTimeoutMs } from './timeouts';

describe('uploadTimeoutMs', () => {
  it('gives small photos a minute and grows with the size, within 45 minutes', () => {
    expect(uploadTimeoutMs(300 * 1024)).toBe(60_000);
    expect(uploadTimeoutMs(10 * 1024 * 1024)).toBe(234_800); // 10 MB at 50 KB/s is 204.8 s, plus 30 s to connect
    expect(uploadTimeoutMs(100 * 1024 * 1024)).toBe(2_078_000); // a 100 MB video: almost 35 minutes, not a fixed 2
    expect(uploadTimeoutMs(10 * 1024 * 1024 * 1024)).toBe(45 * 60_000);
    expect(uploadTimeoutMs(-1)).toBe(60_000);
  });
});
