// The SMS-sender interface and its development implementation, which appends one JSON line per
// message to a file so people and tests can read the codes.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SmsMessage {
  to: string;
  text: string;
  /** The one-time code, when the message carries one (development outbox only). */
  code?: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export class FileSmsSender implements SmsSender {
  constructor(private readonly file: string) {}

  async send(message: SmsMessage): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const line = JSON.stringify({ to: message.to, text: message.text, code: message.code, at: new Date().toISOString() });
    await appendFile(this.file, line + '\n', 'utf8');
  }
}
