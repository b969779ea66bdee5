// Running the program: newsletters and their delivery, surveys, goals, coverage alerts.
import {
  AlertKind,
  DeliveryStatus,
  GoalMetric,
  NewsletterStatus,
  SurveyQuestionKind,
  SurveyStatus,
} from "@/lib/generated/prisma/enums";
import { defineVocabulary } from "./define";

export const NEWSLETTER_STATUS = defineVocabulary(NewsletterStatus, {
  DRAFT: "Draft",
  PUBLISHED: "Published",
});

export const DELIVERY_STATUS = defineVocabulary(DeliveryStatus, {
  PENDING: "Pending",
  SENT: "Sent",
  FAILED: "Failed",
});

export const SURVEY_QUESTION_KIND = defineVocabulary(SurveyQuestionKind, {
  RATING: "Rating (1 to 5)",
  TEXT: "Written answer",
  CHOICE: "Single choice",
});

export const SURVEY_STATUS = defineVocabulary(SurveyStatus, {
  DRAFT: "Draft",
  OPEN: "Open",
  CLOSED: "Closed",
});

/** The names goals and the program page give each measurable metric. */
export const GOAL_METRIC = defineVocabulary(GoalMetric, {
  NEW_GUARDIANS: "New guardians",
  ACTIVE_GUARDIANS: "Active guardians",
  TEAM_COVERAGE_PCT: "Teams with a guardian",
  REVIEW_CYCLE_REDUCTION_PCT: "Review time saved with a guardian",
  HOURS_PER_GUARDIAN_MONTH: "Hours per guardian-month",
  TRAINING_COMPLETION_PCT: "Required training complete",
  GUARDIAN_THREAT_MODEL_SHARE_PCT: "Threat models by guardians",
  FINDINGS_PER_TEAM: "Findings per team",
  AVERAGE_FEEDBACK: "Average feedback rating",
});

/** The days behind the coverage alerts (docs/scheduled-notifications.md). */
export const ALERT_DAYS = { quiet: 60, uncovered: 30 } as const;

/** A coverage or succession alert in words (the lead's home, the digest, the notification). */
export const ALERT_KIND = defineVocabulary(AlertKind, {
  ONLY_GUARDIAN_LEFT: "Only guardian left",
  GUARDIAN_QUIET: `Only guardian quiet for ${ALERT_DAYS.quiet} days`,
  NO_GUARDIAN: `No guardian for ${ALERT_DAYS.uncovered} days`,
  OVER_RISK_BUDGET: "Over its risk budget",
});
