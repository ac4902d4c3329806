// The one place that performs HTTP: Taro.request (wx.request on the mini-program, fetch on H5).
import Taro from '@tarojs/taro';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

/** Resolves with any HTTP status; rejects only when no answer came (offline, DNS, timeout). */
export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export const taroTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: req.url,
      method: req.method,
      header: req.headers,
      data: req.body as TaroGeneral.IAnyObject | undefined,
      timeout: req.timeoutMs,
      dataType: 'json',
      success: (res) => resolve({ status: res.statusCode, body: res.data }),
      fail: (err) => reject(err),
    });
  });
