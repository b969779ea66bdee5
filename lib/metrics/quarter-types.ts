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
  quarter: string;
  cycle: ReviewCycleMetrics;
  effort: ReviewEffortMetrics;
  releases: ReleaseMetrics;
  findings: FindingMetrics;
  time: SecurityTimeMetrics;
  training: TrainingMetrics;
  threatModels: ThreatModelMetrics;
  people: PeopleMetrics;
  feedback: Summary;
};
