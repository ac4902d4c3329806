/** Citizen login: SMS one-time codes (H5) and WeChat mini-program login. */
import { z } from 'zod';
import { MainlandPhoneSchema } from './common.js';

/** POST /api/auth/otp/request */
export const OtpRequestSchema = z.strictObject({
  /** Mainland mobile number that receives the code. */
  phone: MainlandPhoneSchema,
});
export type OtpRequest = z.infer<typeof OtpRequestSchema>;

/** POST /api/auth/otp/verify */
export const OtpVerifySchema = z.strictObject({
  /** The number the code was sent to. */
  phone: MainlandPhoneSchema,
  /** The 6-digit code from the SMS. */
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export type OtpVerify = z.infer<typeof OtpVerifySchema>;

/** POST /api/auth/wechat */
export const WechatLoginSchema = z.strictObject({
  /** The code from the mini-program's `Taro.login()` (wx.login). */
  code: z.string().min(1).max(128),
});
export type WechatLogin = z.infer<typeof WechatLoginSchema>;

/** POST /api/auth/wechat/phone — WeChat's 手机号快速验证 (a signed-in mini-program citizen). */
export const WechatPhoneSchema = z.strictObject({
  /** The `code` of the `getphonenumber` event of `<button open-type="getPhoneNumber">` (one use, 5 minutes). */
  code: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '无效的手机号验证凭证'),
});
export type WechatPhone = z.infer<typeof WechatPhoneSchema>;

/** POST /api/me/phone — a signed-in citizen verifies a callback number by SMS code. */
export const BindPhoneSchema = OtpVerifySchema;
export type BindPhone = z.infer<typeof BindPhoneSchema>;

/** The signed-in citizen as the API shows them. */
export const CitizenSchema = z.object({
  /** Citizen id. */
  id: z.string(),
  /** Phone with the middle digits hidden (138****1234), or null for WeChat-only citizens. */
  phoneMasked: z.string().nullable(),
});
export type Citizen = z.infer<typeof CitizenSchema>;

/** Answer of the login endpoints and of phone verification (a merge answers with the merged citizen's token). */
export const LoginResponseSchema = z.object({
  /** Bearer token for `Authorization: Bearer <token>`. */
  token: z.string(),
  /** The citizen the token belongs to. */
  citizen: CitizenSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
