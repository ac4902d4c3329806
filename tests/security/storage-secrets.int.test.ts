// Storage errors never carry its keys: a client with a wrong secret fails against the real MinIO, and
// what it throws (what the gateway would log or store) holds neither key.
import { describe, expect, inject, it } from 'vitest';
import { Storage } from '../../apps/gateway/src/lib/storage.js';

describe('storage errors', () => {
  it('mask the access and secret keys', async () => {
    const s3 = inject('s3');
    const wrongSecret = 'wrong-secret-key-6677889900';
    const storage = new Storage({ ...s3, secretKey: wrongSecret });
    const err = await storage.stat('uploads/anything.jpg').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    const seen = `${err!.message}\n${err!.stack}\n${JSON.stringify(err)}`;
    expect(seen).not.toContain(wrongSecret);
    expect(seen).not.toContain(s3.accessKey);
  });
});
