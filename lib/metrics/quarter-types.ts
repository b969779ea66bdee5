import type { FastTrackMetrics } from "./fast-track";
import type { FindingMetrics } from "./findings";
import type { PeopleMetrics } from "./people";
import type { ReleaseMetrics } from "./releases";
import type { ReviewCycleMetrics, ReviewEffortMetrics } from "./reviews";
import type { SecurityTimeMetrics } from "./security-time";
import type { Summary } from "./stats";
import type { ThreatModelMetrics } from "./threat-models";
import type { TrainingMetrics } from "./training";

/** Every program metric for one quarter and scope. */
export type QuarterMetricsLike = {
  /** The quarter's key, "2026-Q4". */
  quarter: string;
  /** The period's key: the quarter's, or "2026-Q3:67d" for a same-days comparison window. */
  period: string;
  /** The period ends before its quarter does (the current quarter "to date", or a comparison window). */
  toDate: boolean;
  /** Days in the period. */
  days: number;
  cycle: ReviewCycleMetrics;
  effort: ReviewEffortMetrics;
  releases: ReleaseMetrics;
  findings: FindingMetrics;
  time: SecurityTimeMetrics;
  training: TrainingMetrics;
  threatModels: ThreatModelMetrics;
  people: PeopleMetrics;
  feedback: Summary;
  /** The reviews family's fast-tracked group (docs/metrics.md). */
  fastTrack: FastTrackMetrics;
};
