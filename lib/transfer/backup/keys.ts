// Natural keys and references of program.json records. Records without a unique natural key
// (goals, memberships, belt awards, recognitions, surveys) are told apart by occurrence: the
// n-th record with the same values is the n-th such record in the database, in id order.
import type { RefKind } from "@/lib/transfer/spreadsheet/spec";
import type { SectionName, SectionRow } from "./schema";

export type BackupRefKind = RefKind | "finding" | "threat";
type KeySpec<S extends SectionName> = {
  base: (r: SectionRow<S>) => unknown[];
  /** Records may share a base key (told apart by occurrence). */
  repeatable?: boolean;
  refs: (r: SectionRow<S>) => [string, BackupRefKind, string | null][];
};

const people = (...pairs: [string, string | null][]): [string, BackupRefKind, string | null][] =>
  pairs.map(([field, email]) => [field, "user", email]);

export const KEYS: { [S in SectionName]: KeySpec<S> } = {
  program: { base: () => ["program"], refs: () => [] },
  goals: { base: (r) => [r.title], repeatable: true, refs: () => [] },
  runbook: { base: (r) => [r.label], refs: () => [] },
  orgs: { base: (r) => [r.key], refs: (r) => [["key", "org", r.key]] },
  teams: { base: (r) => [r.key], refs: (r) => [["key", "team", r.key]] },
  people: { base: (r) => [r.email], refs: (r) => people(["email", r.email]) },
  courses: { base: (r) => [r.key], refs: (r) => [["key", "course", r.key]] },
  completions: {
    base: (r) => [r.email, r.course],
    refs: (r) => [
      ...people(["email", r.email], ["recordedBy", r.recordedBy]),
      ["course", "course", r.course],
    ],
  },
  memberships: {
    base: (r) => [r.email, r.team, r.nominatedOn],
    repeatable: true,
    refs: (r) => [
      ...people(
        ["email", r.email],
        ["nominatedBy", r.nominatedBy],
        ["approvedBy", r.approvedBy],
        ...r.history.map((h, i): [string, string | null] => [`history[${i}].by`, h.by]),
      ),
      ["team", "team", r.team],
    ],
  },
  reviews: {
    base: (r) => [r.key],
    refs: (r) => [
      ["key", "review", r.key],
      ...people(
        ["requestedBy", r.requestedBy],
        ...r.participants.map((p, i): [string, string] => [`participants[${i}].email`, p.email]),
      ),
    ],
  },
  findings: { base: (r) => [r.key], refs: (r) => [["key", "finding", r.key]] },
  threatModels: { base: (r) => [r.key], refs: (r) => [["key", "threatModel", r.key]] },
  threats: { base: (r) => [r.key], refs: (r) => [["key", "threat", r.key]] },
  threatModelComments: {
    base: (r) => [r.threatModel],
    refs: (r) => [
      ["threatModel", "threatModel", r.threatModel],
      ...people(...r.comments.map((c, i): [string, string] => [`comments[${i}].author`, c.author])),
    ],
  },
  feedback: {
    base: (r) => [r.review, r.threatModel, r.guardian],
    refs: (r) => [
      ["review", "review", r.review],
      ["threatModel", "threatModel", r.threatModel],
      ...people(["guardian", r.guardian]),
    ],
  },
  activityLinks: {
    base: (r) => [r.email, r.date, r.hours, r.type, r.review, r.note, r.threatModel],
    refs: (r) => [
      ...people(["email", r.email]),
      ["review", "review", r.review],
      ["threatModel", "threatModel", r.threatModel],
    ],
  },
  jiraLinks: { base: (r) => [r.review], refs: (r) => [["review", "review", r.review]] },
  jiraDeliveries: {
    base: (r) => [r.deliveryId],
    refs: (r) => [["review", "review", r.review]],
  },
  surveys: {
    base: (r) => [r.title, r.opensOn],
    repeatable: true,
    refs: (r) => [
      ...people(...r.responses.map((x, i): [string, string] => [`responses[${i}].email`, x.email])),
      ["org", "org", r.org],
    ],
  },
  events: {
    base: (r) => [r.title, r.startsAt],
    repeatable: true,
    refs: (r) => [
      ["org", "org", r.org],
      ...people(
        ["createdBy", r.createdBy],
        ...r.registrations.map((x, i): [string, string] => [`registrations[${i}].email`, x.email]),
      ),
    ],
  },
  beltRules: { base: (r) => [r.belt], refs: (r) => people(["updatedBy", r.updatedBy]) },
  beltAwards: {
    base: (r) => [r.email, r.belt, r.awardedOn],
    repeatable: true,
    refs: (r) => people(["email", r.email], ["revokedBy", r.revokedBy]),
  },
  mentorships: {
    base: (r) => [r.mentor, r.mentee],
    refs: (r) => people(["mentor", r.mentor], ["mentee", r.mentee]),
  },
  timeAgreements: {
    base: (r) => [r.email, r.from, r.at],
    repeatable: true,
    refs: (r) => people(["email", r.email], ["recordedBy", r.recordedBy]),
  },
  recognitions: {
    base: (r) => [r.recipient, r.giver, r.kind, r.title, r.at],
    repeatable: true,
    refs: (r) => people(["recipient", r.recipient], ["giver", r.giver]),
  },
  fastTrackPolicies: {
    base: (r) => [r.teamProfile, r.team],
    refs: (r) => [["team", "team", r.team]],
  },
  fastTracks: {
    base: (r) => [r.review],
    refs: (r) => [
      ["review", "review", r.review],
      ["policyTeam", "team", r.policyTeam],
      ...people(["guardian", r.guardian], ["spotCheckedBy", r.spotCheckedBy]),
    ],
  },
  fastTrackSuspensions: {
    base: (r) => [r.guardian, r.suspendedAt],
    refs: (r) => [
      ["review", "review", r.review],
      ...people(["guardian", r.guardian], ["suspendedBy", r.suspendedBy], ["liftedBy", r.liftedBy]),
    ],
  },
  newsletters: {
    base: (r) => [r.org, r.quarter],
    refs: (r) => [["org", "org", r.org], ...people(["publishedBy", r.publishedBy])],
  },
  // Ids in entityId, before and after are the exporting database's (history, not references).
  auditLog: {
    base: (r) => [r.at, r.actor, r.action, r.entity, r.entityId],
    repeatable: true,
    refs: (r) => [...people(["actor", r.actor]), ["org", "org", r.org]],
  },
  passwords: { base: (r) => [r.email], refs: (r) => people(["email", r.email]) },
};

/**
 * Each record's key, in order; for repeatable sections the base key plus its occurrence.
 * `duplicates` lists the positions of records repeating a unique key.
 */
export function recordKeys<S extends SectionName>(
  section: S,
  rows: SectionRow<S>[],
): { keys: string[]; occurrences: number[]; duplicates: number[] } {
  const spec = KEYS[section];
  const seen = new Map<string, number>();
  const out = { keys: [] as string[], occurrences: [] as number[], duplicates: [] as number[] };
  rows.forEach((r, i) => {
    const base = JSON.stringify(spec.base(r));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    if (n > 0 && !spec.repeatable) out.duplicates.push(i);
    out.keys.push(spec.repeatable ? `${base}#${n}` : base);
    out.occurrences.push(n);
  });
  return out;
}

/** The key of a record that is the n-th with its base key. */
export function keyOf<S extends SectionName>(section: S, row: SectionRow<S>, n: number): string {
  const base = JSON.stringify(KEYS[section].base(row));
  return KEYS[section].repeatable ? `${base}#${n}` : base;
}
