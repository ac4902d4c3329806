// Sending SMS: the development sender appends one JSON line per message to a file (people and tests
// read the codes there); the production sender is Alibaba Cloud SMS through its official SDK. Two kinds
// of message exist, each a template there: a login code, and a ticket status notification.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as Dysmsapi from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { Config } from '../config.js';
import { redactError } from './redact.js';

export type SmsMessage =
  /** A one-time login code. */
  | { kind: 'code'; to: string; code: string; text: string }
  /** A ticket's status changed (the citizen has no WeChat grant left, or uses H5). */
  | { kind: 'status'; to: string; params: { number: string; status: string; note: string }; text: string };

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** The provider refused or failed the message: it was NOT sent. */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
  constructor(
    /** The provider's code, e.g. isv.BUSINESS_LIMIT_CONTROL, or `network`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FileSmsSender implements SmsSender {
  constructor(private readonly file: string) {}

  async send(message: SmsMessage): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const line = JSON.stringify({ to: message.to, text: message.text, code: message.kind === 'code' ? message.code : undefined, at: new Date().toISOString() });
    await appendFile(this.file, line + '\n', 'utf8');
  }
}

type AliyunSettings = NonNullable<Config['sms']['aliyun']>;

// The SDK is CommonJS with an ES default export: the client class is `default` once or twice down.
const sdk = Dysmsapi as unknown as { default: { default?: unknown } };
const DysmsapiClient = (sdk.default.default ?? sdk.default) as typeof Dysmsapi.default.default;
const { SendSmsRequest } = Dysmsapi;

export class AliyunSmsSender implements SmsSender {
  private readonly client: InstanceType<typeof DysmsapiClient>;

  constructor(private readonly settings: AliyunSettings) {
    // ALIYUN_SMS_ENDPOINT is a host ("dysmsapi.aliyuncs.com") or a URL ("http://127.0.0.1:PORT" for a stand-in).
    const url = /^https?:\/\//.test(settings.endpoint) ? new URL(settings.endpoint) : new URL(`https://${settings.endpoint}`);
    this.client = new DysmsapiClient(
      new $OpenApiUtil.Config({
        accessKeyId: settings.accessKeyId,
        accessKeySecret: settings.accessKeySecret,
        endpoint: url.host,
        protocol: url.protocol.replace(':', ''),
        readTimeout: 5000,
        connectTimeout: 3000,
      }),
    );
  }

  async send(message: SmsMessage): Promise<void> {
    const templateCode = message.kind === 'code' ? this.settings.codeTemplate : this.settings.statusTemplate;
    if (!templateCode) throw new SmsSendError('not_configured', 'ALIYUN_SMS_STATUS_TEMPLATE_CODE is not set: status notifications cannot go by SMS');
    const params = message.kind === 'code' ? { code: message.code } : message.params;
    let body: { code?: string; message?: string } | undefined;
    try {
      const res = await this.client.sendSms(
        new SendSmsRequest({ phoneNumbers: message.to, signName: this.settings.signName, templateCode, templateParam: JSON.stringify(params) }),
      );
      body = res.body;
    } catch (err) {
      // Transport or signature failures: masked before they reach a log line or a stored error.
      const clean = redactError(err as Error, [this.settings.accessKeySecret]);
      throw new SmsSendError((err as { code?: string }).code ?? 'network', clean.message);
    }
    // A business error answers 200 with a Code other than OK (e.g. isv.BUSINESS_LIMIT_CONTROL): not sent.
    if (body?.code !== 'OK') throw new SmsSendError(body?.code ?? 'unknown', body?.message ?? 'SMS provider did not accept the message');
  }
}

export function createSmsSender(config: Config): SmsSender {
  return config.sms.sender === 'aliyun' ? new AliyunSmsSender(config.sms.aliyun!) : new FileSmsSender(config.sms.outboxFile);
}
