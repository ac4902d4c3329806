// The citizen's own account as the app shows it: masked phone, WeChat link, subscription grants.
import type { MeResponse } from '@minhu/shared';
import type { Config } from '../config.js';
import type { CitizenDoc } from '../models/citizen.js';
import { subscriptionState } from '../policies/subscription.js';
import { presentCitizen } from './citizen.js';

export function presentMe(config: Config, doc: CitizenDoc): MeResponse {
  return { citizen: presentCitizen(doc), wechatLinked: Boolean(doc.wechatOpenId), subscriptions: subscriptionState(config, doc) };
}
