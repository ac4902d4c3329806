// WeChat's privacy check (app.json `__usePrivacyCheck__`), as WeChat runs it: before the citizen has
// agreed, an API that touches personal data calls the app's onNeedPrivacyAuthorization listener with
// (resolve, { referrer }) and waits. resolve({ event: 'agree', buttonId }) — valid only once a button
// of open-type agreePrivacyAuthorization with that id was tapped — lets the API go on; 'disagree' makes
// it fail with errno 104. The agreement is kept in the phone's data folder, so a relaunch remembers it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WxFail } from './wx-answers.js';

type Answer = { event?: string; buttonId?: string };
type Listener = (resolve: (answer: Answer) => void, info: { referrer: string }) => void;

/** One time WeChat asked the app's listener. */
export interface PrivacyRequest {
  api: string;
  referrer: string;
  /** What the app resolved with, in order (exposureAuthorization, then agree or disagree). */
  answers: Answer[];
  outcome: 'pending' | 'agreed' | 'refused';
}

/** WeChat's refusal of an API the citizen did not authorise. */
export const PRIVACY_ERRNO = 104;

/** Marks the phone's user as having agreed already (for journeys about something else). */
export function agreePrivacyOnPhone(dataDir: string): void {
  writeFileSync(join(dataDir, 'privacy.json'), JSON.stringify({ agreed: true }));
}

export class PrivacyCheck {
  private listener: Listener | null = null;
  private readonly file: string;
  private readonly tapped = new Set<string>();
  readonly requests: PrivacyRequest[] = [];
  /** Ways the app broke WeChat's rules (e.g. agree without a tapped agree button). */
  readonly violations: string[] = [];

  constructor(
    dataDir: string,
    private readonly referrer: () => string,
  ) {
    this.file = join(dataDir, 'privacy.json');
  }

  agreed(): boolean {
    return existsSync(this.file) && (JSON.parse(readFileSync(this.file, 'utf8')) as { agreed?: boolean }).agreed === true;
  }

  private remember(): void {
    writeFileSync(this.file, JSON.stringify({ agreed: true }));
  }

  /** wx.onNeedPrivacyAuthorization: the app's one listener (a later call replaces it, as in WeChat). */
  onNeed(listener: Listener): void {
    this.listener = listener;
  }

  /** The citizen tapped a button of open-type agreePrivacyAuthorization: WeChat records the agreement. */
  agreeButtonTapped(buttonId: string): void {
    this.tapped.add(buttonId);
    this.remember();
  }

  /** Resolves when `api` may run; throws WeChat's refusal when the citizen (or the app) said no. */
  async gate(api: string): Promise<void> {
    if (this.agreed()) return;
    if (!this.listener) throw new WxFail(`${api}:fail privacy permission is not authorized`, PRIVACY_ERRNO);
    const request: PrivacyRequest = { api, referrer: this.referrer(), answers: [], outcome: 'pending' };
    this.requests.push(request);
    const outcome = await new Promise<'agreed' | 'refused'>((settle) => {
      let done = false;
      const resolve = (answer: Answer) => {
        request.answers.push({ ...answer });
        if (done) return void this.violations.push(`${api}: resolve called again after it was settled (${JSON.stringify(answer)})`);
        if (answer?.event === 'exposureAuthorization') return;
        done = true;
        if (answer?.event === 'agree') {
          if (answer.buttonId && this.tapped.has(answer.buttonId)) return settle('agreed');
          this.violations.push(`${api}: agree with button "${answer.buttonId}", which was not tapped`);
          return settle('refused');
        }
        if (answer?.event !== 'disagree') this.violations.push(`${api}: unknown answer ${JSON.stringify(answer)}`);
        settle('refused');
      };
      // WeChat calls the listener asynchronously, from its own event loop.
      setImmediate(() => this.listener!(resolve, { referrer: request.referrer }));
    });
    request.outcome = outcome;
    if (outcome === 'refused') throw new WxFail(`${api}:fail privacy permission is not authorized`, PRIVACY_ERRNO);
    this.remember();
  }
}
