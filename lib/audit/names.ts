// The names an audit entry's ids resolve to, looked up in batches by lib/server/audit-log/names.ts
// (one query per kind for a whole page of entries) and read here without the database.

/** Kinds of record an id in an audit entry may name. */
const NAMED_KINDS = [
  "users",
  "teams",
  "orgs",
  "reviews",
  "threatModels",
  "courses",
  "memberships",
] as const;
type NamedKind = (typeof NAMED_KINDS)[number];

export type Membership = { userId: number; teamId: number };

export type NameBook = {
  users: Map<number, string>;
  teams: Map<number, string>;
  orgs: Map<number, string>;
  reviews: Map<number, string>;
  threatModels: Map<number, string>;
  courses: Map<number, string>;
  /** A guardian membership's person and team, for entries that carry only its id. */
  memberships: Map<number, Membership>;
};

export const emptyNameBook = (): NameBook => ({
  users: new Map(),
  teams: new Map(),
  orgs: new Map(),
  reviews: new Map(),
  threatModels: new Map(),
  courses: new Map(),
  memberships: new Map(),
});

/** The kind of record an entity's own id names (its `entityId`), when it is one we look up. */
export const ENTITY_KIND: Partial<Record<string, NamedKind>> = {
  User: "users",
  Team: "teams",
  Org: "orgs",
  Review: "reviews",
  ThreatModel: "threatModels",
  Course: "courses",
  GuardianMembership: "memberships",
};

/** Fields holding another record's id, by what they name (any entity). */
const ID_FIELDS: Record<string, Exclude<NamedKind, "memberships">> = {
  userId: "users",
  nominatedById: "users",
  approvedById: "users",
  leaderId: "users",
  securityEngineerId: "users",
  requestedById: "users",
  changedById: "users",
  guardianId: "users",
  raterId: "users",
  recordedById: "users",
  revokedById: "users",
  giverId: "users",
  recipientId: "users",
  publishedById: "users",
  createdById: "users",
  authorId: "users",
  mentorId: "users",
  menteeId: "users",
  teamId: "teams",
  orgId: "orgs",
  reviewId: "reviews",
  threatModelId: "threatModels",
  courseId: "courses",
};

/** What an id field names; an organisation's `parentId` is another organisation. */
export function idFieldKind(entity: string, field: string): NamedKind | null {
  if (field === "parentId" && entity === "Org") return "orgs";
  return ID_FIELDS[field] ?? null;
}

/** A positive whole id from a stored value (numbers, or digits as text); null for anything else. */
export function asId(value: unknown): number | null {
  const n = typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

export const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

type AuditIds = Record<NamedKind, Set<number>>;

/**
 * Every id a page of entries needs named: each entry's own record and the id fields of its
 * before and after. `memberships` first: their people and teams are a second, batched step.
 */
export function referencedIds(
  entries: { entity: string; entityId: string; before: unknown; after: unknown }[],
): AuditIds {
  const ids = Object.fromEntries(NAMED_KINDS.map((k) => [k, new Set<number>()])) as AuditIds;
  for (const e of entries) {
    const own = ENTITY_KIND[e.entity];
    const id = asId(e.entityId);
    if (own && id) ids[own].add(id);
    for (const side of [e.before, e.after]) {
      const row = asRecord(side);
      if (!row) continue;
      for (const [field, value] of Object.entries(row)) {
        const kind = idFieldKind(e.entity, field);
        const ref = asId(value);
        if (kind && ref) ids[kind].add(ref);
      }
    }
  }
  return ids;
}
