import type { FindingStatus } from "@/lib/vocabulary";

// One rule for a finding's closing date, kept by every path that writes findings (the review
// page's form and its service, findings.csv on import and restore): a status other than Open
// closes the finding and needs the day it closed, not before the day it opened; an open
// finding has no closing date. Days are "YYYY-MM-DD" text, so they compare as text.

/** Whether a finding in this status is closed (and so has a closing date). */
export const closesFinding = (status: FindingStatus) => status !== "OPEN";

type ClosingProblem = "missing" | "not-allowed" | "before-opened";

/** What is wrong with a finding's closing date for its status, or null when nothing is. */
export function closingProblem(
  status: FindingStatus,
  closedOn: string | null | undefined,
  openedOn?: string | null,
): ClosingProblem | null {
  if (!closesFinding(status)) return closedOn ? "not-allowed" : null;
  if (!closedOn) return "missing";
  if (openedOn && closedOn < openedOn) return "before-opened";
  return null;
}

/** The closing-date problem in the app's words, for forms and the service. */
export function closingMessage(problem: ClosingProblem, openedOn?: string | null): string {
  switch (problem) {
    case "missing":
      return "Enter the date it was closed";
    case "not-allowed":
      return "An open finding has no closing date";
    case "before-opened":
      return `A finding cannot close before it was opened (${openedOn}).`;
  }
}
