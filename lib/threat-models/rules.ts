// Threat-model rules as plain functions.
import type { ThreatModelStatus } from "@/lib/vocabulary";

export type ThreatLike = { mitigation: string | null; mitigationStatus: string };

/** A threat with no documented mitigation: status none, or planned/implemented without any text. */
export function isUndocumented(t: ThreatLike): boolean {
  if (t.mitigationStatus === "NONE") return true;
  return (
    (t.mitigationStatus === "PLANNED" || t.mitigationStatus === "IMPLEMENTED") &&
    !t.mitigation?.trim()
  );
}

const TRANSITIONS: Record<ThreatModelStatus, ThreatModelStatus[]> = {
  DRAFT: ["IN_REVIEW"],
  IN_REVIEW: ["APPROVED", "DRAFT"],
  APPROVED: [],
};

export function canTransition(from: ThreatModelStatus, to: ThreatModelStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why approval cannot proceed, or null. Undocumented threats block unless explicitly accepted. */
export function approvalBlocker(
  status: ThreatModelStatus,
  threats: ThreatLike[],
  acceptUndocumented: boolean,
): string | null {
  if (!canTransition(status, "APPROVED")) return "Only a threat model in review can be approved.";
  if (threats.length === 0) return "Add at least one threat before approval.";
  const open = threats.filter(isUndocumented).length;
  if (open && !acceptUndocumented)
    return `${open} threat${open === 1 ? " has" : "s have"} no documented mitigation: document ${open === 1 ? "it" : "them"} or accept ${open === 1 ? "it" : "them"} explicitly.`;
  return null;
}
