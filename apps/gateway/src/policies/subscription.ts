// What the citizen has allowed us to send on WeChat: the one-time subscribe-message templates this
// deployment uses, and how many grants of each the citizen has left. Pure; read by the presenter of
// GET /api/me and by the commands that record and spend grants.
import type { SubscriptionState } from '@minhu/shared';
import type { Config } from '../config.js';
import type { CitizenDoc } from '../models/citizen.js';

/** The templates this deployment sends, with what each announces. */
export function configuredTemplates(config: Config): Array<{ id: string; purpose: 'ticket_status' }> {
  return config.notify.templateStatus ? [{ id: config.notify.templateStatus, purpose: 'ticket_status' }] : [];
}

/** Each configured template with the grants the citizen has left (never below zero). */
export function subscriptionState(config: Config, citizen: Pick<CitizenDoc, 'subscriptionGrants'>): SubscriptionState {
  const grants = (citizen.subscriptionGrants ?? {}) as Record<string, number>;
  return { templates: configuredTemplates(config).map((t) => ({ ...t, remaining: Math.max(0, grants[t.id] ?? 0) })) };
}
