// co-wechat-api ships no types: the part Minhu uses.
declare module 'co-wechat-api' {
  export default class WechatAPI {
    constructor(
      appId: string,
      appSecret: string,
      getToken?: () => Promise<unknown>,
      saveToken?: (token: any) => Promise<void>,
    );
    prefix: string;
    snsPrefix: string;
    wxaPrefix: string;
    customservicePrefix: string;
    setOpts(opts: Record<string, unknown>): void;
    code2Session(code: string): Promise<any>;
    sendSubscribeMessage(openid: string, templateId: string, page: string, data: Record<string, { value: string }>): Promise<any>;
    getAccessToken(): Promise<{ accessToken: string }>;
    ensureAccessToken(): Promise<{ accessToken: string }>;
    request(url: string, opts?: unknown, retry?: number): Promise<any>;
  }
}

declare module 'co-wechat-api/lib/util.js' {
  export function postJSON(data: unknown): Record<string, unknown>;
}
