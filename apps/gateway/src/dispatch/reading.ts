// One reading of a work order, computed once and read by the department model and incident matching:
// the normalized text (the chat's normalizer: Simplified, typos, English mapped), its n-grams, the
// address's n-grams (kept apart: a place name is not a problem), the category, and the cue hits.
import type { CategoryId } from '@minhu/shared';
import { distinctFeatures } from '../chat/ngram-features.js';
import { normalizeText } from '../chat/normalize.js';
import { cueFeatures, cueHits, type DispatchCue } from './cues.js';
import { topicFeatures } from './topics.js';

export interface WorkOrder {
  text: string;
  categoryId?: CategoryId | null;
  address?: string;
}

export interface WorkOrderReading {
  normalized: string;
  cues: DispatchCue[];
  /** Every feature of the department model. */
  features: string[];
}

export function readWorkOrder(order: WorkOrder): WorkOrderReading {
  const normalized = normalizeText(order.text);
  const address = order.address ? normalizeText(order.address) : '';
  const cues = cueHits(`${normalized} ${address}`);
  const features = [
    ...distinctFeatures(normalized),
    `k:${order.categoryId ?? 'none'}`,
    ...cueFeatures(cues),
    ...topicFeatures(`${normalized} ${order.text.toLowerCase()}`),
  ];
  return { normalized, cues, features };
}
