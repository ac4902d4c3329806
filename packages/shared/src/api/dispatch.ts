/**
 * Dispatch intelligence: department suggestions, incidents (many reports of one problem at one place)
 * and hotspots. Staff read all three; citizens see how many others reported their problem and, before
 * filing, the open incidents of the same kind near the place they chose (附议).
 */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';
import { COORD_SYSTEMS } from './tickets.js';

const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');

/** One suggested owning department (首接负责制), best first. */
export const DepartmentSuggestionSchema = z.object({
  /** Department name, one of the city's DEPARTMENTS. */
  department: z.string(),
  /** The model's probability (0–1) that this department owns the ticket. */
  score: z.number(),
});
export type DepartmentSuggestion = z.infer<typeof DepartmentSuggestionSchema>;

/** How many suggestions travel with a ticket. */
export const SUGGESTED_DEPARTMENTS_SHOWN = 5;

export const INCIDENT_STATUSES = ['open', 'closed'] as const;

/** An incident as staff see it on a ticket. */
export const IncidentSummarySchema = z.object({
  /** Incident id. */
  id: z.string(),
  /** Category every ticket of it shares (null when the lead had none). */
  categoryId: CategoryIdSchema.nullable(),
  /** open while its lead ticket is not final. */
  status: z.enum(INCIDENT_STATUSES),
  /** The ticket staff work; replies and closing follow to the others. */
  leadTicketId: z.string(),
  /** Its number. */
  leadNumber: z.string(),
  /** Tickets in it, the lead first. */
  ticketIds: z.array(z.string()),
  /** Their numbers, in the same order. */
  ticketNumbers: z.array(z.string()),
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

/** A possible incident for a ticket that did not join one by itself (the match was not confident). */
export const IncidentCandidateSchema = z.object({
  /** The ticket it resembles. */
  ticketId: z.string(),
  /** Its number. */
  number: z.string(),
  /** That ticket's incident, or null when it has none yet (attaching makes one). */
  incidentId: z.string().nullable(),
  /** Probability the two report one incident (0–1). */
  score: z.number(),
});
export type IncidentCandidate = z.infer<typeof IncidentCandidateSchema>;

/** POST /api/operator/tickets/:id/incident — attach to an incident, or to another ticket's (one is made if it has none). */
export const AttachIncidentSchema = z
  .strictObject({
    /** The incident to join. */
    incidentId: ObjectIdSchema.optional(),
    /** Or the ticket whose incident to join. */
    ticketId: ObjectIdSchema.optional(),
  })
  .refine((v) => Boolean(v.incidentId) !== Boolean(v.ticketId), { message: '请指定 incidentId 或 ticketId 之一', path: ['incidentId'] });
export type AttachIncident = z.infer<typeof AttachIncidentSchema>;

/** GET /api/operator/hotspots query. */
export const HotspotQuerySchema = z.strictObject({
  /** Look back this many days (1–90, default 7); the trend compares with the same span before. */
  days: z.coerce.number().int().min(1).max(90).default(7),
});

/** A cluster of tickets of one category at one place. */
export const HotspotSchema = z.object({
  /** Category (null: tickets filed without one). */
  categoryId: CategoryIdSchema.nullable(),
  /** 街道/镇 the tickets gave (null when they did not say). */
  street: z.string().nullable(),
  /** Mean position of its tickets (GCJ-02). */
  center: z.object({ lat: z.number(), lng: z.number() }),
  /** Tickets in the period. */
  count: z.number().int(),
  /** Their ids, newest first (at most 100). */
  ticketIds: z.array(z.string()),
  /** count minus the tickets at the same place and category in the period before. */
  trend: z.number().int(),
  /** The period before's count. */
  previousCount: z.number().int(),
});
export type Hotspot = z.infer<typeof HotspotSchema>;
export const HotspotsResponseSchema = z.object({ items: z.array(HotspotSchema), days: z.number().int() });

/** GET /api/incidents/nearby — open incidents near a place, before filing. */
export const NearbyIncidentsQuerySchema = z.strictObject({
  /** Latitude of the chosen place. */
  lat: z.coerce.number().min(-90).max(90),
  /** Longitude of the chosen place. */
  lng: z.coerce.number().min(-180).max(180),
  /** `gcj02` (WeChat, Chinese maps) or `wgs84` (a browser's GPS). */
  coordSystem: z.enum(COORD_SYSTEMS),
  /** Only incidents of this category. */
  categoryId: CategoryIdSchema.optional(),
});

/** An open incident a citizen may join (附议). */
export const NearbyIncidentSchema = z.object({
  /** Incident id: send it as `incidentId` when filing to join. */
  id: z.string(),
  /** Category. */
  categoryId: CategoryIdSchema.nullable(),
  /** The first report's words (at most 60 characters). */
  summary: z.string(),
  /** Where, as the first reporter gave it. */
  address: z.string().nullable(),
  /** Metres from the chosen place. */
  distanceMetres: z.number().int(),
  /** Citizens who reported it. */
  reporters: z.number().int(),
  /** Latest report (ISO 8601). */
  lastReportAt: z.string(),
});
export type NearbyIncident = z.infer<typeof NearbyIncidentSchema>;
export const NearbyIncidentsResponseSchema = z.object({ items: z.array(NearbyIncidentSchema) });

/** How far from the chosen place the report page looks for incidents to join. */
export const NEARBY_INCIDENT_METRES = 300;
