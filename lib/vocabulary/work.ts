// Security work: logged activities, reviews and their findings, threat models and their threats.
import {
  ActivityType,
  FindingStatus,
  MitigationStatus,
  ReviewOutcome,
  Severity,
  StrideCategory,
  ThreatModelStatus,
} from "@/lib/generated/prisma/enums";
import { defineVocabulary } from "./define";

/** The Log hours form's wording, used wherever an activity type is shown. */
export const ACTIVITY_TYPE = defineVocabulary(ActivityType, {
  QUESTION: "Answering security questions",
  SPRINT_STORY: "Security stories for the sprint",
  DEEP_DIVE: "Deep dive",
  SUPPORT: "Supporting task",
  REVIEW: "Review work",
  THREAT_MODEL: "Threat-model work",
  TRAINING: "Training",
  OTHER: "Other",
});

/** Most severe first. */
export const SEVERITY = defineVocabulary(Severity, {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
});

/** Risk-budget points of an open finding or an unmitigated threat (docs/metrics.md, metric 10). */
export const SEVERITY_WEIGHT = {
  CRITICAL: 10,
  HIGH: 5,
  MEDIUM: 2,
  LOW: 1,
} as const satisfies Record<Severity, number>;

export const FINDING_STATUS = defineVocabulary(FindingStatus, {
  OPEN: "Open",
  MITIGATED: "Mitigated",
  ACCEPTED: "Accepted",
  FALSE_POSITIVE: "False positive",
});

export const REVIEW_OUTCOME = defineVocabulary(ReviewOutcome, {
  APPROVED: "Approved",
  APPROVED_WITH_FINDINGS: "Approved with findings",
  CHANGES_REQUIRED: "Changes required",
  WITHDRAWN: "Withdrawn",
});

export const THREAT_MODEL_STATUS = defineVocabulary(ThreatModelStatus, {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
});

export const STRIDE_CATEGORY = defineVocabulary(StrideCategory, {
  SPOOFING: "Spoofing",
  TAMPERING: "Tampering",
  REPUDIATION: "Repudiation",
  INFORMATION_DISCLOSURE: "Information disclosure",
  DENIAL_OF_SERVICE: "Denial of service",
  ELEVATION_OF_PRIVILEGE: "Elevation of privilege",
});

/** threats.csv accepts a category's STRIDE letter as well as its word. */
export const STRIDE_LETTERS = {
  s: "SPOOFING",
  t: "TAMPERING",
  r: "REPUDIATION",
  i: "INFORMATION_DISCLOSURE",
  d: "DENIAL_OF_SERVICE",
  e: "ELEVATION_OF_PRIVILEGE",
} as const satisfies Record<string, StrideCategory>;

export const MITIGATION_STATUS = defineVocabulary(MitigationStatus, {
  NONE: "None",
  PLANNED: "Planned",
  IMPLEMENTED: "Implemented",
  ACCEPTED: "Accepted",
});
