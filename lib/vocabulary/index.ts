// The program's words, defined once from the Prisma schema's enums (see define.ts).
export { csvWord, defineVocabulary, type Option, type Vocabulary } from "./define";
export {
  BELT,
  GUARDIAN_STATUS,
  RECOGNITION_KIND,
  ROLE,
  SIGN_IN_LINK_KIND,
  TEAM_PROFILE,
  TEAM_PROFILE_HINTS,
} from "./people";
export {
  ACTIVITY_TYPE,
  FINDING_STATUS,
  MITIGATION_STATUS,
  REVIEW_OUTCOME,
  SEVERITY,
  SEVERITY_WEIGHT,
  STRIDE_CATEGORY,
  STRIDE_LETTERS,
  THREAT_MODEL_STATUS,
} from "./work";
export {
  ALERT_DAYS,
  ALERT_KIND,
  DELIVERY_STATUS,
  GOAL_METRIC,
  NEWSLETTER_STATUS,
  SURVEY_QUESTION_KIND,
  SURVEY_STATUS,
} from "./program";
export { CHANNEL_EVENT, CHAT_TOOL } from "./chat";
export { EMAIL_CHOICE, NOTIFICATION_KIND } from "./notifications";
export { SPOT_CHECK_OUTCOME } from "./fast-track";
export { EVENT_KIND } from "./events";
export type {
  ActivityType,
  AlertKind,
  Belt,
  DeliveryStatus,
  EventKind,
  FindingStatus,
  GoalMetric,
  GuardianStatus,
  MitigationStatus,
  NewsletterStatus,
  RecognitionKind,
  ReviewOutcome,
  Role,
  Severity,
  SignInLinkKind,
  StrideCategory,
  SurveyQuestionKind,
  SurveyStatus,
  TeamProfile,
  ThreatModelStatus,
} from "@/lib/generated/prisma/enums";
