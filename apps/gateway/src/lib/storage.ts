// Object storage on any S3 service through the minio client: presigned POST uploads, presigned GET
// links, and the small reads the gateway needs to check what a citizen uploaded. Errors leave with the
// access and secret keys masked (an S3 error can echo the request's credentials and string to sign).
import * as Minio from 'minio';
import { CopyDestinationOptions, CopySourceOptions } from 'minio';
import type { S3Settings } from '../services/manager.js';
import { maskErrors } from './redact.js';

function clientFor(endpoint: string, s: S3Settings): Minio.Client {
  const url = new URL(endpoint);
  return new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === 'https:',
    accessKey: s.accessKey,
    secretKey: s.secretKey,
    // A fixed region: presigning never asks the server for the bucket's location.
    region: s.region,
    pathStyle: true,
  });
}

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

export class Storage {
  private readonly client: Minio.Client;
  /** Signs links for browsers; differs from `client` when storage is reached through another host. */
  private readonly signer: Minio.Client;
  readonly bucket: string;
  /** The origin browsers reach storage at (presigned uploads and media links): the pages' CSP allows it. */
  readonly publicOrigin: string;

  constructor(settings: S3Settings, publicEndpoint?: string) {
    const secrets = [settings.secretKey, settings.accessKey];
    this.publicOrigin = new URL(publicEndpoint ?? settings.endpoint).origin;
    this.client = maskErrors(clientFor(settings.endpoint, settings), secrets);
    this.signer = publicEndpoint ? maskErrors(clientFor(publicEndpoint, settings), secrets) : this.client;
    this.bucket = settings.bucket;
  }

  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) {
      try {
        await this.client.makeBucket(this.bucket);
      } catch (err) {
        // Another gateway process created it first.
        if ((err as { code?: string }).code !== 'BucketAlreadyOwnedByYou') throw err;
      }
    }
  }

  async ping(): Promise<void> {
    await this.client.bucketExists(this.bucket);
  }

  /** A POST policy pinned to one key, one content type and a byte range ending at `maxBytes`. */
  async presignPost(key: string, contentType: string, maxBytes: number, expiresAt: Date): Promise<PresignedPost> {
    const policy = this.signer.newPostPolicy();
    policy.setBucket(this.bucket);
    policy.setKey(key);
    policy.setContentType(contentType);
    policy.setContentLengthRange(1, maxBytes);
    policy.setExpires(expiresAt);
    const { postURL, formData } = await this.signer.presignedPostPolicy(policy);
    return { url: postURL, fields: formData };
  }

  async presignGet(key: string, ttlSeconds: number): Promise<string> {
    return this.signer.presignedGetObject(this.bucket, key, ttlSeconds);
  }

  /** Size and stored content type, or null when the object does not exist. */
  async stat(key: string): Promise<{ size: number; contentType: string | undefined } | null> {
    try {
      const s = await this.client.statObject(this.bucket, key);
      return { size: s.size, contentType: s.metaData?.['content-type'] as string | undefined };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NotFound' || code === 'NoSuchKey') return null;
      throw err;
    }
  }

  /** The first `length` bytes of an object (a ranged GET). */
  async head(key: string, length: number): Promise<Buffer> {
    const stream = await this.client.getPartialObject(this.bucket, key, 0, length);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).subarray(0, length);
  }

  /** Server-side copy within the bucket; false when the source does not exist. */
  async copy(from: string, to: string): Promise<boolean> {
    try {
      await this.client.copyObject(new CopySourceOptions({ Bucket: this.bucket, Object: from }), new CopyDestinationOptions({ Bucket: this.bucket, Object: to }));
      return true;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NoSuchKey' || code === 'NotFound') return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }
}
