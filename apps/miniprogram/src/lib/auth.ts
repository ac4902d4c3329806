// Signing in (WeChat login on the mini-program, SMS code on H5), verifying the callback number
// (WeChat's 手机号快速验证 or an SMS code), and signing out, which leaves nothing on the device.
import Taro from '@tarojs/taro';
import { api } from '../api/minhu-api';
import { session, type Session } from '../api/session';
import { clearLocalData } from './local-data';
import { go, ROUTES } from './routes';

export async function signInWithWechat(): Promise<Session> {
  const { code } = await Taro.login();
  if (!code) throw new Error('微信登录失败，请重试');
  const res = await api.auth.wechat(code);
  session.set(res);
  return res;
}

export async function signInWithCode(phone: string, code: string): Promise<Session> {
  const res = await api.auth.verifyOtp({ phone, code });
  session.set(res);
  return res;
}

/**
 * The signed-in citizen's callback number, verified by WeChat (the code of a getPhoneNumber button).
 * When another account already held the number the two became one: the answer's token is for it.
 */
export async function verifyPhoneWithWechat(code: string): Promise<Session> {
  const res = await api.auth.wechatPhone(code);
  session.set(res);
  return res;
}

/** The same, verified by an SMS code. */
export async function verifyPhoneBySms(phone: string, code: string): Promise<Session> {
  const res = await api.me.bindPhone({ phone, code });
  session.set(res);
  return res;
}

/** Whether the hotline can call the signed-in citizen back without a number typed on the form. */
export function hasVerifiedPhone(): boolean {
  return Boolean(session.get()?.citizen.phoneMasked);
}

/** Ends the session on the server (so a copied token is worthless too), then wipes the device. */
export async function signOut(): Promise<void> {
  if (session.token()) await api.auth.logout().catch(() => undefined); // offline: the device is still wiped
  session.set(null);
  await clearLocalData();
}

/**
 * True when a session exists or could be made silently (mini-program). Otherwise opens the login page,
 * which returns to `redirect` afterwards, and answers false.
 */
export async function ensureSignedIn(redirect?: string): Promise<boolean> {
  if (session.token()) return true;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await signInWithWechat();
      return true;
    } catch {
      /* fall through to the login page, which explains and offers a retry */
    }
  }
  go(ROUTES.login(redirect));
  return false;
}
