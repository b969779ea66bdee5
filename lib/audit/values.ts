// Field labels and readable values for the audit log's before/after (lib/audit/diff.ts).
import { formatDate, formatDateTime } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import {
  ACTIVITY_TYPE,
  BELT,
  FINDING_STATUS,
  GOAL_METRIC,
  GUARDIAN_STATUS,
  MITIGATION_STATUS,
  NEWSLETTER_STATUS,
  RECOGNITION_KIND,
  REVIEW_OUTCOME,
  ROLE,
  SEVERITY,
  STRIDE_CATEGORY,
  TEAM_PROFILE,
  THREAT_MODEL_STATUS,
} from "@/lib/vocabulary";
import { asId, idFieldKind, type NameBook } from "./names";

/** Labels where the field's name, split into words, would not read well. */
const LABELS: Record<string, string> = {
  userId: "Person",
  teamId: "Team",
  orgId: "Organisation",
  parentId: "Parent organisation",
  leaderId: "Leader",
  nominatedById: "Nominated by",
  approvedById: "Decided by",
  securityEngineerId: "Security engineer",
  requestedById: "Requested by",
  reviewId: "Review",
  threatModelId: "Threat model",
  courseId: "Course",
  guardianId: "Guardian",
  raterId: "Rated by",
  nominatedOn: "Nominated on",
  activeOn: "Active from",
  leftOn: "Left on",
  declinedOn: "Declined on",
  joinedOn: "Joined on",
  riskBudget: "Risk budget (points)",
  quarterHours: "Hours",
  effortQuarterHours: "Effort",
  handRoles: "Roles granted by hand",
  groupRoles: "Roles from sign-in groups",
  deactivatedAt: "Deactivated",
  newsletterRecipients: "Newsletter recipients",
  mitigationStatus: "Mitigation",
  higherIsBetter: "Higher is better",
};

/** "riskBudget" → "Risk budget"; known fields by their label. */
export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Labeller = { label: (v: never) => string; values: readonly string[] };

/** Enumerated fields, by field name (and entity where the name means different things). */
function vocabularyOf(entity: string, field: string): Labeller | null {
  if (field === "status") {
    return (
      {
        GuardianMembership: GUARDIAN_STATUS,
        Finding: FINDING_STATUS,
        ThreatModel: THREAT_MODEL_STATUS,
        Newsletter: NEWSLETTER_STATUS,
      }[entity] ?? null
    );
  }
  const byField: Record<string, Labeller> = {
    roles: ROLE,
    handRoles: ROLE,
    groupRoles: ROLE,
    severity: SEVERITY,
    profile: TEAM_PROFILE,
    outcome: REVIEW_OUTCOME,
    belt: BELT,
    mitigationStatus: MITIGATION_STATUS,
    category: STRIDE_CATEGORY,
    metric: GOAL_METRIC,
  };
  if (field === "type" && entity === "ActivityEntry") return ACTIVITY_TYPE;
  if (field === "kind" && entity === "Recognition") return RECOGNITION_KIND;
  return byField[field] ?? null;
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A stored value as a person reads it; null for no value. Ids become names when the book has them. */
export function formatValue(
  entity: string,
  field: string,
  value: unknown,
  names: NameBook,
): string | null {
  if (value === null || value === undefined || value === "") return null;
  const kind = idFieldKind(entity, field);
  const id = kind && kind !== "memberships" ? asId(value) : null;
  if (kind && kind !== "memberships" && id) return names[kind].get(id) ?? `#${id}`;
  const vocabulary = vocabularyOf(entity, field);
  const word = (v: unknown) =>
    vocabulary && typeof v === "string" && vocabulary.values.includes(v)
      ? vocabulary.label(v as never)
      : String(v);
  if (Array.isArray(value)) return value.length ? value.map(word).join(", ") : null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if ((field === "quarterHours" || field === "effortQuarterHours") && typeof value === "number")
    return formatHours(value);
  if (typeof value === "string" && ISO_MOMENT.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return value;
    return value.slice(11, 23) === "00:00:00.000" ? formatDate(at) : formatDateTime(at);
  }
  if (typeof value === "object") return JSON.stringify(value);
  return word(value);
}
