// Why: the second net under the emergency patterns — a weighted bag of danger signs (blood, weapons, fire, water, falls, despair) that catches phrasings no pattern lists.
import type { EmergencyKind } from './emergency-kinds.js';
import { SIGNS } from './lexicon/danger-signs.js';
import { any, PERSON_AT_RISK, SCORE_ADMIN, SCORE_NOW, SCORE_PAST_OR_RECURRING } from './lexicon/framing.js';
import type { DangerReading } from './reading.js';

export interface DangerScore {
  score: number;
  kinds: EmergencyKind[];
}

/** Sum of danger signs, nudged up by a person and a now, down by administrative or past framing (lexicon/framing.ts). */
export function dangerScore(r: DangerReading): DangerScore {
  let score = 0;
  const byKind = new Map<EmergencyKind, number>();
  for (const i of r.signs) {
    const s = SIGNS[i]!;
    score += s.weight;
    byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.weight);
  }
  if (score === 0) return { score: 0, kinds: [] };
  if (any(r.cues, PERSON_AT_RISK)) score += 0.5;
  if (any(r.cues, SCORE_NOW)) score += 0.5;
  if (any(r.cues, SCORE_ADMIN)) score -= 2;
  if (any(r.cues, SCORE_PAST_OR_RECURRING)) score -= 1.5;
  const kinds = [...byKind.entries()].filter(([, w]) => w >= 1.5).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return { score, kinds };
}

/** Score at which the danger signs alone call for an emergency answer. */
export const DANGER_THRESHOLD = 3;
