// Running the program: newsletters and their delivery, surveys, goals.
import {
  DeliveryStatus,
  GoalMetric,
  NewsletterStatus,
  SurveyQuestionKind,
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
  RATING: "Rating",
  TEXT: "Text",
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
