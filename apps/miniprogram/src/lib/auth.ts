// Signing in: WeChat login on the mini-program (Taro.login → /api/auth/wechat), SMS code on H5.
import Taro from '@tarojs/taro';
import { api } from '../api/minhu-api';
import { session, type Session } from '../api/session';
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

export function signOut(): void {
  session.set(null);
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
