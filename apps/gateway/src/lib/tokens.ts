// Signed bearer tokens (HS256 JWT via jose). `aud` keeps citizen and staff tokens apart.
import { SignJWT, jwtVerify, errors } from 'jose';

export type TokenAudience = 'citizen' | 'staff';

/** Tokens kept verified per process; the cache starts afresh when it reaches this many. */
const VERIFIED_CACHE = 10_000;

export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens this process has verified, with what they said: checking an HS256 signature goes through WebCrypto's
   * async job queue (a noticeable share of a request's CPU), and a citizen's app sends the same token with every
   * request. A token's signature never changes; its expiry is checked on every use, and revocation (sign-out,
   * merge, erasure) is read from the database by the route guards as before.
   */
  private readonly verified = new Map<string, { audience: TokenAudience; exp: number; sub: string; claims: Record<string, unknown> }>();
  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(subject: string, audience: TokenAudience, claims: Record<string, unknown> = {}, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setAudience(audience)
      .setIssuer('minhu')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** The token's subject and claims, or null for anything forged, expired or meant for another audience. */
  async verify(token: string, audience: TokenAudience): Promise<{ sub: string; claims: Record<string, unknown> } | null> {
    const known = this.verified.get(token);
    if (known && known.audience === audience && known.exp > Date.now() / 1000) return { sub: known.sub, claims: known.claims };
    try {
      const { payload } = await jwtVerify(token, this.key, { audience, issuer: 'minhu', algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') return null;
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= VERIFIED_CACHE) this.verified.clear();
        this.verified.set(token, { audience, exp: payload.exp, sub: payload.sub, claims: payload });
      }
      return { sub: payload.sub, claims: payload };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
