// H5: browsers have no WeChat privacy check; consent is the checkbox on the sign-in page.
import type { PrivacyRequest } from './privacy';

export type { PrivacyRequest } from './privacy';

export function installPrivacyHandler(): void {}
export function subscribePrivacyRequest(fn: (request: PrivacyRequest | null) => void): () => void {
  fn(null);
  return () => undefined;
}
export function agreePrivacy(_buttonId: string): void {}
export function refusePrivacy(): void {}
export function openPrivacyGuide(): void {}
export const PRIVACY_CHECK = false;
