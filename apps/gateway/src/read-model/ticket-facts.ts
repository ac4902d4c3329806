// One ticket reduced to what the staff console filters, counts and charts on: a few scalars per
// ticket, kept in memory by ticket-index.ts. Pure: no I/O.
import {
  isFinalStatus,
  type CategoryId,
  type Satisfaction,
  type TicketChannel,
  type TicketKind,
  type TicketStatus,
} from '@minhu/shared';
import { chinaDate, type TicketDeadlines } from '@minhu/shared/deadlines';

/** Bumped whenever TicketFact changes, so saved copies of the index in an older shape are ignored. */
export const FACTS_FORMAT = 3;

export interface TicketFact {
  id: string;
  number: string;
  status: TicketStatus;
  kind: TicketKind;
  categoryId: CategoryId | null;
  /** Owning department (首接负责制), null before dispatch. */
  department: string | null;
  channel: TicketChannel;
  urgent: boolean;
  needsReview: boolean;
  /** The citizen urged it (催办) at least once. */
  urged: boolean;
  /** The citizen asked for it to be handled again (申请重办) and staff have not decided yet. */
  reopenRequested: boolean;
  /** 街道/镇 as the citizen gave it. */
  street: string | null;
  /** Position (GCJ-02), when given: hotspots are placed by it. */
  lat: number | null;
  lng: number | null;
  /** First 80 characters of the description. */
  excerpt: string;
  /** Number, description and address, lower-cased: what free-text search looks in. */
  text: string;
  createdAt: number;
  updatedAt: number;
  statusAt: number;
  dueAt: number | null;
  /** Filing day in China (YYYY-MM-DD): statistics count a ticket on the day it was filed. */
  filedDay: string;
  /** The hotline accepted it at some point (受理). */
  accepted: boolean;
  /** A department replied at some point. */
  replied: boolean;
  /** A callback reached the citizen (a callback the hotline reported without saying counts). */
  calledBack: boolean;
  /** When it was last closed, while it is closed. */
  closedAt: number | null;
  /** The latest rating's verdict. */
  satisfaction: Satisfaction | null;
  /** Filled on first use by the supervision board (depends only on kind, urgency and filing time). */
  deadlines?: TicketDeadlines;
}

/** The ticket fields a fact is made from (the index's projection). */
export const FACT_PROJECTION = {
  number: 1,
  status: 1,
  kind: 1,
  categoryId: 1,
  ownerDepartment: 1,
  channel: 1,
  urgent: 1,
  needsReview: 1,
  reopenRequested: 1,
  'urges.at': 1,
  description: 1,
  location: 1,
  createdAt: 1,
  updatedAt: 1,
  statusAt: 1,
  dueAt: 1,
  'timeline.status': 1,
  'timeline.at': 1,
  'timeline.reached': 1,
  'ratings.satisfaction': 1,
  'ratings.at': 1,
} as const;

export interface FactSource {
  _id: { toString(): string };
  number: string;
  status: string;
  kind: string;
  categoryId?: string | null;
  ownerDepartment?: string | null;
  channel: string;
  urgent?: boolean | null;
  needsReview?: boolean | null;
  reopenRequested?: boolean | null;
  urges?: Array<unknown> | null;
  description: string;
  location?: { address?: string | null; street?: string | null; lat?: number | null; lng?: number | null } | null;
  createdAt: Date;
  updatedAt: Date;
  statusAt?: Date | null;
  dueAt?: Date | null;
  timeline?: Array<{ status?: string | null; at?: Date | null; reached?: boolean | null }> | null;
  ratings?: Array<{ satisfaction?: string | null; at?: Date | null }> | null;
}

const time = (d: Date | null | undefined): number | null => (d ? new Date(d).getTime() : null);

export function factOf(doc: FactSource): TicketFact {
  const status = doc.status as TicketStatus;
  const timeline = doc.timeline ?? [];
  const ratings = doc.ratings ?? [];
  let closedAt: number | null = null;
  if (status === 'closed') {
    for (const t of timeline) if (t.status === 'closed') closedAt = time(t.at);
  }
  const address = doc.location?.address ?? '';
  const createdAt = new Date(doc.createdAt).getTime();
  return {
    id: doc._id.toString(),
    number: doc.number,
    status,
    kind: doc.kind as TicketKind,
    categoryId: (doc.categoryId as CategoryId | null) ?? null,
    department: doc.ownerDepartment ?? null,
    channel: doc.channel as TicketChannel,
    urgent: Boolean(doc.urgent),
    needsReview: Boolean(doc.needsReview),
    urged: (doc.urges?.length ?? 0) > 0,
    reopenRequested: Boolean(doc.reopenRequested),
    street: doc.location?.street?.trim() || null,
    lat: typeof doc.location?.lat === 'number' ? doc.location.lat : null,
    lng: typeof doc.location?.lng === 'number' ? doc.location.lng : null,
    excerpt: doc.description.length > 80 ? `${doc.description.slice(0, 80)}…` : doc.description,
    text: `${doc.number}\n${doc.description}\n${address}`.toLowerCase(),
    createdAt,
    updatedAt: new Date(doc.updatedAt).getTime(),
    statusAt: time(doc.statusAt) ?? createdAt,
    dueAt: time(doc.dueAt),
    filedDay: chinaDate(new Date(createdAt)),
    accepted: timeline.some((t) => t.status === 'accepted'),
    replied: timeline.some((t) => t.status === 'replied'),
    calledBack: timeline.some((t) => t.status === 'callback' && t.reached !== false),
    closedAt,
    satisfaction: (ratings.at(-1)?.satisfaction as Satisfaction | undefined) ?? null,
  };
}

export function isOpen(fact: TicketFact): boolean {
  return !isFinalStatus(fact.status);
}

export function isOverdue(fact: TicketFact, now: number): boolean {
  return isOpen(fact) && fact.dueAt !== null && fact.dueAt < now;
}
