// An audit entry as a sentence with names: "Lena Lead approved Marek Müller as guardian of
// Ledger Core". One describer per entity; an action or entity without one gets the fallback.
import { BELT } from "@/lib/vocabulary";
import { formatDate } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import { asId, asRecord, ENTITY_KIND, type NameBook } from "./names";

export type AuditEntryFacts = {
  action: string;
  entity: string;
  entityId: string;
  actorId: number | null;
  /** The person who made the change; null for the system (imports, jobs, scheduled work). */
  actorName: string | null;
  before: unknown;
  after: unknown;
};

/** What a describer works with: the entry, its names, and the values of its before/after. */
type Context = AuditEntryFacts & {
  who: string;
  names: NameBook;
  /** A field's value, from after, else before. */
  field: (name: string) => unknown;
  person: (id: unknown) => string;
  team: (id: unknown) => string;
  /** The record the entry is about, by name ("Ledger Core", "Checkout API (REV-000123)"). */
  record: string;
};

type Describer = (c: Context) => string | null;

const PAST: Record<string, string> = {
  create: "created",
  update: "updated",
  delete: "deleted",
  approve: "approved",
  decline: "declined",
  publish: "published",
  deliver: "delivered",
  retry: "retried",
  submit: "submitted",
  return: "returned",
  complete: "completed",
  start: "started",
  request: "requested",
  invite: "invited",
  award: "awarded",
  revoke: "revoked",
  comment: "commented on",
  import: "imported",
  check: "ticked",
  uncheck: "unticked",
  deactivate: "deactivated",
  reactivate: "reactivated",
  retire: "retired",
};

/** "GuardianMembership" → "guardian membership". */
export const entityWords = (entity: string) =>
  entity.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

function membership(c: Context) {
  const fromEntry = c.names.memberships.get(asId(c.entityId) ?? 0);
  const userId = asId(c.field("userId")) ?? fromEntry?.userId ?? null;
  const teamId = asId(c.field("teamId")) ?? fromEntry?.teamId ?? null;
  return { person: c.person(userId), team: c.team(teamId), userId };
}

const DESCRIBERS: Record<string, Describer> = {
  GuardianMembership: (c) => {
    const m = membership(c);
    const role = `as guardian of ${m.team}`;
    switch (c.action) {
      case "nominate":
        return `${c.who} nominated ${m.person} ${role}`;
      case "approve":
        return `${c.who} approved ${m.person} ${role}`;
      case "decline":
        return `${c.who} declined ${possessive(m.person)} nomination ${role}`;
      case "step-down":
        return c.actorId !== null && c.actorId === m.userId
          ? `${m.person} stepped down ${role}`
          : `${c.who} recorded ${m.person} stepping down ${role}`;
      default:
        return null;
    }
  },
  User: (c) => {
    const self = c.actorId !== null && String(c.actorId) === c.entityId;
    switch (c.action) {
      case "create":
        return `${c.who} added ${c.record}`;
      case "update":
        return self ? `${c.who} updated their profile` : `${c.who} updated ${c.record}`;
      case "invite":
        return `${c.who} invited ${c.record} to sign in`;
      case "send-reset-link":
        return `${c.who} sent ${c.record} a password reset link`;
      case "change password":
        return `${c.record} changed their password`;
      case "set-password":
        return `${c.record} set a password from an emailed link`;
      case "end sessions":
        return self
          ? `${c.who} signed out everywhere`
          : `${c.who} ended ${possessive(c.record)} sessions`;
      case "clear-sign-in-failures":
        return `${c.who} cleared ${possessive(c.record)} failed sign-ins`;
      case "sso-provision":
        return `${c.record} joined by single sign-on`;
      case "sso-link":
        return `${c.record} linked a single sign-on account`;
      case "sso-profile":
        return `Single sign-on updated ${possessive(c.record)} profile`;
      case "sso-group-roles":
        return `Single sign-on groups changed ${possessive(c.record)} roles`;
      default:
        // A person is named without a noun: "Lena Lead deactivated Chris Myers".
        return PAST[c.action] ? `${c.who} ${PAST[c.action]} ${c.record}` : null;
    }
  },
  Team: (c) => generic(c, "team"),
  Org: (c) => generic(c, "organisation"),
  Review: (c) => {
    switch (c.action) {
      case "request":
        return `${c.who} requested review ${c.record} for ${c.team(c.field("teamId"))}`;
      case "add-participant":
        return `${c.who} added ${c.person(asRecord(c.after)?.userId)} to review ${c.record}`;
      case "status":
        return `${c.who} changed the status of review ${c.record}`;
      default:
        return generic(c, "review");
    }
  },
  ThreatModel: (c) => {
    if (c.action === "add-author")
      return `${c.who} added ${c.person(asRecord(c.after)?.userId)} as an author of threat model ${c.record}`;
    if (c.action === "return") return `${c.who} returned threat model ${c.record} to its authors`;
    return generic(c, "threat model");
  },
  BeltAward: (c) => {
    const belt = c.field("belt");
    const beltName =
      typeof belt === "string" && (BELT.values as readonly string[]).includes(belt)
        ? `the ${BELT.label(belt as never)} belt`
        : "a belt";
    const person = c.person(c.field("userId"));
    if (c.action === "award") return `${c.who} awarded ${person} ${beltName}`;
    if (c.action === "revoke") return `${c.who} revoked ${possessive(person)} ${beltName.slice(4)}`;
    return null;
  },
  CourseCompletion: (c) =>
    c.action === "complete"
      ? `${c.who} recorded that ${c.person(c.field("userId"))} completed ${courseName(c)}`
      : null,
  ActivityEntry: (c) => {
    const date = c.field("date");
    const day =
      typeof date === "string" && !Number.isNaN(Date.parse(date))
        ? ` of ${formatDate(new Date(date))}`
        : "";
    const whose = possessive(c.person(c.field("userId")));
    if (c.action === "update") return `${c.who} edited ${whose} hours entry${day}`;
    if (c.action === "delete") return `${c.who} deleted ${whose} hours entry${day}`;
    return null;
  },
  Import: (c) => (c.action === "import" ? `${c.who} imported a spreadsheet` : null),
  TimeAgreement: (c) => {
    const hours = c.field("monthlyQuarterHours");
    const share = c.field("sharePercent");
    const from = c.field("effectiveFrom");
    if (c.action !== "create" || typeof hours !== "number") return null;
    const agreed =
      typeof share === "number" ? `${share} % of working time` : `${formatHours(hours)} a month`;
    const month = typeof from === "string" ? ` from ${from.slice(0, 7)}` : "";
    return `${c.who} agreed ${agreed} with ${c.person(c.field("userId"))}${month}`;
  },
};

function courseName(c: Context) {
  const id = asId(c.field("courseId"));
  return (id && c.names.courses.get(id)) || "a course";
}

/** "{who} {did} {the record}": the fallback, and the sentence of most plain edits. */
function generic(c: Context, noun = entityWords(c.entity)): string {
  const verb = PAST[c.action];
  return verb
    ? `${c.who} ${verb} ${noun} ${c.record}`
    : `${c.who} did “${c.action}” on ${noun} ${c.record}`;
}

/** The record's name: from the looked-up names, else its own name fields, else its id. */
function recordName(facts: AuditEntryFacts, names: NameBook): string {
  const id = asId(facts.entityId);
  const kind = ENTITY_KIND[facts.entity];
  if (kind && kind !== "memberships" && id) {
    const named = names[kind].get(id);
    if (named) return named;
  }
  for (const side of [facts.after, facts.before]) {
    const row = asRecord(side);
    for (const key of ["name", "title", "system", "service", "key", "email"]) {
      const v = row?.[key];
      if (typeof v === "string" && v.trim()) return v.trim();
    }
  }
  return `#${facts.entityId}`;
}

/** The sentence for one entry (no full stop: the page sets it as a heading-like line). */
export function describeAudit(facts: AuditEntryFacts, names: NameBook): string {
  const a = asRecord(facts.after);
  const b = asRecord(facts.before);
  const c: Context = {
    ...facts,
    names,
    who: facts.actorName ?? "The system",
    field: (name) => a?.[name] ?? b?.[name],
    person: (id) => names.users.get(asId(id) ?? 0) ?? "someone",
    team: (id) => names.teams.get(asId(id) ?? 0) ?? "a team",
    record: recordName(facts, names),
  };
  return DESCRIBERS[facts.entity]?.(c) ?? generic(c);
}
