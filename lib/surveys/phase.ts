import type { SurveyStatus } from "@/lib/vocabulary";

// Where a survey stands on a day. A lead opens and closes it; an open survey also stops taking
// answers after its closing day. Rows from before the status existed are OPEN, so their dates
// alone decide. Pure.
export type SurveyPhase = "draft" | "upcoming" | "open" | "closed";

export const SURVEY_PHASE_LABEL: Record<SurveyPhase, string> = {
  draft: "Draft",
  upcoming: "Not open yet",
  open: "Open",
  closed: "Closed",
};

export function surveyPhase(
  s: { status: SurveyStatus; opensOn: Date; closesOn: Date },
  today: Date,
): SurveyPhase {
  if (s.status === "DRAFT") return "draft";
  if (s.status === "CLOSED" || s.closesOn.getTime() < today.getTime()) return "closed";
  return s.opensOn.getTime() > today.getTime() ? "upcoming" : "open";
}
