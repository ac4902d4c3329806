// WeChat's privacy check (app.json `__usePrivacyCheck__`): the first time the app calls an API that
// touches personal data (location, album, camera, microphone, the phone number), WeChat asks us to show
// our agreement pop-up and waits. The request lands here; components/PrivacyPopup.tsx shows it and
// answers with the tapped agree button's id or a refusal. H5 has no such check (privacy.h5.ts).
import Taro from '@tarojs/taro';

type Resolve = (result: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

export interface PrivacyRequest {
  /** The page that asked (WeChat's referrer). */
  referrer: string;
}

let pending: { resolve: Resolve; request: PrivacyRequest } | null = null;
const listeners = new Set<(request: PrivacyRequest | null) => void>();
const emit = () => listeners.forEach((fn) => fn(pending?.request ?? null));

/** Registers the one app-wide listener (called once at launch). */
export function installPrivacyHandler(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return; // an older WeChat: no check to answer
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    // A second request while one is open answers the first with a refusal (WeChat waits for each).
    pending?.resolve({ event: 'disagree' });
    pending = { resolve: resolve as Resolve, request: { referrer: eventInfo?.referrer ?? '' } };
    resolve({ event: 'exposureAuthorization' }); // tells WeChat the pop-up is on screen
    emit();
  });
}

export function subscribePrivacyRequest(fn: (request: PrivacyRequest | null) => void): () => void {
  listeners.add(fn);
  fn(pending?.request ?? null);
  return () => listeners.delete(fn);
}

/** The citizen tapped our agree button (open-type="agreePrivacyAuthorization" with this id). */
export function agreePrivacy(buttonId: string): void {
  pending?.resolve({ event: 'agree', buttonId });
  pending = null;
  emit();
}

/** The citizen refused: the API that asked fails, and the page explains what still works. */
export function refusePrivacy(): void {
  pending?.resolve({ event: 'disagree' });
  pending = null;
  emit();
}

/** Opens WeChat's page of our 隐私保护指引 (as registered in the WeChat console). */
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract?.({ fail: () => undefined });
}

/** Whether this platform runs WeChat's privacy check. */
export const PRIVACY_CHECK = true;
