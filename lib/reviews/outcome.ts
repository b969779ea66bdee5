// What a review's outcome says about its findings, as a plain rule (the demo data and its test
// use it; docs/CONVENTIONS.md: domain rules live in lib/).
import type { ReviewOutcome } from "@/lib/vocabulary";

export type FindingCounts = { total: number; open: number };

/**
 * Why an outcome does not fit the review's findings, or null. "Approved" leaves nothing open;
 * "approved with findings" and "changes required" name at least one finding; a withdrawn review
 * says nothing about findings.
 */
export function reviewOutcomeProblem(
  outcome: ReviewOutcome | string,
  findings: FindingCounts,
): string | null {
  if (outcome === "APPROVED" && findings.open > 0)
    return `An approved review leaves no finding open (${findings.open} open).`;
  if (
    (outcome === "APPROVED_WITH_FINDINGS" || outcome === "CHANGES_REQUIRED") &&
    findings.total === 0
  )
    return `${outcome === "CHANGES_REQUIRED" ? "Changes required" : "Approved with findings"} needs at least one finding.`;
  return null;
}
