// Secrets never leave in an error: query parameters and known values are masked, for every method of
// a wrapped client, thrown or rejected.
import { describe, expect, it } from 'vitest';
import { maskErrors, redactError, redactSecrets } from './redact.js';

describe('redaction', () => {
  it('masks secret query parameters and known secret values', () => {
    const text = 'url: https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s3cr3t-value, access_token=ACCESS123';
    const out = redactSecrets(`${text} then https://x/y?access_token=TOKEN456&a=1 and the raw key s3cr3t-value`, ['s3cr3t-value']);
    expect(out).not.toMatch(/s3cr3t-value|TOKEN456/);
    expect(out).toContain('secret=***');
    expect(out).toContain('access_token=***');
  });

  it('keeps the error’s name and code but masks message and stack', () => {
    const err = Object.assign(new Error('failed: secret=abcdef123 sent'), { name: 'WeChatAPIError', code: 40001 });
    const clean = redactError(err, ['abcdef123']);
    expect(clean).toMatchObject({ name: 'WeChatAPIError', code: 40001 });
    expect(clean.message).not.toContain('abcdef123');
    expect(clean.stack).not.toContain('abcdef123');
  });

  it('wraps every method of a client, sync and async', async () => {
    const client = {
      key: 'the-secret-key-9',
      sync() {
        throw new Error(`sync failure with ${this.key}`);
      },
      async later() {
        throw new Error(`async failure with ${this.key}`);
      },
      async fine() {
        return this.key.length;
      },
    };
    const masked = maskErrors(client, ['the-secret-key-9']);
    expect(() => masked.sync()).toThrow(/sync failure with \*\*\*/);
    await expect(masked.later()).rejects.toThrow(/async failure with \*\*\*/);
    expect(await masked.fine()).toBe(16);
  });
});
