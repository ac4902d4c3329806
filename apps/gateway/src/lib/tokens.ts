// Signed bearer tokens (HS256 JWT via jose). `aud` keeps citizen and staff tokens apart.
import { SignJWT, jwtVerify, errors } from 'jose';

export type TokenAudience = 'citizen' | 'staff';

export class TokenService {
  private readonly key: Uint8Array;
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
    try {
      const { payload } = await jwtVerify(token, this.key, { audience, issuer: 'minhu', algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') return null;
      return { sub: payload.sub, claims: payload };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
