import type { FindingStatus, Severity } from "@/lib/vocabulary";

// A findings file (DefectDojo API v2 JSON or SARIF 2.1) once read. Pure types.

export type FindingsFormat = "defectdojo" | "sarif";

export const FINDINGS_FORMAT_NAMES: Record<FindingsFormat, string> = {
  defectdojo: "DefectDojo (API v2)",
  sarif: "SARIF 2.1",
};

export type PortableFinding = {
  /** The tool's own id for the finding: a second import of it is skipped. */
  externalId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  /** YYYY-MM-DD, when the file says; otherwise the day of the import. */
  openedOn: string | null;
  closedOn: string | null;
  /** The file's own words for severity and status, for the preview. */
  source: { severity: string; status: string };
};

export type FindingsReadResult = {
  format: FindingsFormat;
  /** The tool that wrote the file (SARIF's driver name, or "DefectDojo"). */
  tool: string;
  findings: PortableFinding[];
  /** Entries left out on purpose (informational, duplicates, passes), with why. */
  unmapped: { where: string; what: string }[];
  problems: { where: string; message: string }[];
};

export const FINDING_LIMITS = { title: 300, findings: 5000 };

/** A title within the limit: longer text is cut at a word with an ellipsis. */
export function titleOf(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  if (oneLine.length <= FINDING_LIMITS.title) return oneLine;
  const cut = oneLine.slice(0, FINDING_LIMITS.title - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 200 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** A date field as YYYY-MM-DD (from a date or an ISO instant); null when absent or unreadable. */
export function dayOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? m[1] : null;
}
