import { z } from "zod";
import { isoDay, todayUtc } from "@/lib/period";
import type { RuleResult } from "./evaluate";
import { addMonthsClamped } from "./validity";

// The evidence stored with a belt award: each condition of the rule with its figure and, where
// the figure counts records, the records themselves (ids for links, names as they were), so the
// award reads the same after those records change. Pure: no database.

/** How many records one condition keeps (the most recent); the figure still counts them all. */
export const EVIDENCE_RECORDS = 20;

export type EvidenceRecord =
  | { kind: "review"; id: number; key: string; name: string }
  | { kind: "threat-model"; id: number; key: string; name: string }
  | { kind: "course"; key: string; name: string }
  | { kind: "person"; id: number; name: string }
  | { kind: "event"; id: number; name: string; eventKind: string; on: string };

/** A person's records a condition can point at, newest first (lib/server/belts/evidence.ts). */
export type EvidenceSources = {
  reviews: Extract<EvidenceRecord, { kind: "review" }>[];
  threatModels: Extract<EvidenceRecord, { kind: "threat-model" }>[];
  courses: Extract<EvidenceRecord, { kind: "course" }>[];
  mentees: Extract<EvidenceRecord, { kind: "person" }>[];
  /** Events attended, newest first; `on` is the day ("YYYY-MM-DD"). */
  events?: Extract<EvidenceRecord, { kind: "event" }>[];
  ratings: number;
};

const recordSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("review"), id: z.int(), key: z.string(), name: z.string() }),
  z.object({ kind: z.literal("threat-model"), id: z.int(), key: z.string(), name: z.string() }),
  z.object({ kind: z.literal("course"), key: z.string(), name: z.string() }),
  z.object({ kind: z.literal("person"), id: z.int(), name: z.string() }),
  z.object({
    kind: z.literal("event"),
    id: z.int(),
    name: z.string(),
    eventKind: z.string(),
    on: z.string(),
  }),
]);

const itemSchema = z.object({
  type: z.string().optional(),
  label: z.string(),
  current: z.number(),
  required: z.number(),
  /** Ratings the feedback average was taken over. */
  count: z.int().optional(),
  records: z.array(recordSchema).optional(),
});
type EvidenceItem = z.infer<typeof itemSchema>;

const evidenceSchema = z.object({
  rule: z.array(itemSchema),
  evaluatedOn: z.string().optional(),
  source: z.string().optional(),
});
type Evidence = z.infer<typeof evidenceSchema>;

/** The records behind one condition, or none (hours and earlier belts are figures only). */
function recordsFor(
  condition: RuleResult["conditions"][number]["condition"],
  s: EvidenceSources,
  today: Date,
) {
  const type = condition.type;
  const courseKey = type === "course" ? condition.courseKey : null;
  switch (type) {
    case "events":
      // The events the figure counts: of the condition's kind, newest first.
      return (s.events ?? []).filter((e) => {
        const from = condition.windowMonths
          ? isoDay(addMonthsClamped(today, -condition.windowMonths))
          : "";
        return (!condition.kind || e.eventKind === condition.kind) && e.on > from;
      });
    case "reviews":
      return s.reviews;
    case "threat-models":
      return s.threatModels;
    case "mentoring":
      return s.mentees;
    case "course":
      return s.courses.filter((c) => c.key === courseKey);
    case "required-courses":
      return s.courses;
    default:
      return undefined;
  }
}

/** Adds the records behind each condition of a met rule to its evidence. */
export function withRecords(
  result: RuleResult,
  sources: EvidenceSources,
  today: Date = todayUtc(),
): EvidenceItem[] {
  return result.conditions.map((c) => {
    const { type } = c.condition;
    const records = recordsFor(c.condition, sources, today);
    return {
      type,
      label: c.label,
      current: c.current,
      required: c.required,
      ...(type === "feedback-average" ? { count: sources.ratings } : {}),
      ...(records ? { records: records.slice(0, EVIDENCE_RECORDS) } : {}),
    };
  });
}

/**
 * Reads stored evidence for display. Evidence written before records were kept (or by the demo)
 * has the figures only; anything unreadable answers null.
 */
export function readEvidence(value: unknown): Evidence | null {
  const parsed = evidenceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Where a record's page is, if it has one. */
export function recordHref(r: EvidenceRecord): string | null {
  switch (r.kind) {
    case "review":
      return `/reviews/${r.id}`;
    case "threat-model":
      return `/threat-models/${r.id}`;
    case "person":
      return `/people/${r.id}`;
    case "event":
      return `/events/${r.id}`;
    case "course":
      return null;
  }
}
