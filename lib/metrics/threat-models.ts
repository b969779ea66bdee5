import { percent, type Figure } from "./stats";

// Metric 7: threat models approved in the period.
export type ThreatModelFact = {
  guardianAuthored: boolean;
  threats: { mitigationStatus: string }[];
};

export type ThreatModelMetrics = {
  approved: number;
  guardianAuthoredPct: Figure;
  threats: number;
  documentedPct: Figure;
};

export function threatModelMetrics(models: ThreatModelFact[]): ThreatModelMetrics {
  const threats = models.flatMap((m) => m.threats);
  return {
    approved: models.length,
    guardianAuthoredPct: percent(models.filter((m) => m.guardianAuthored).length, models.length),
    threats: threats.length,
    documentedPct: percent(
      threats.filter((t) => t.mitigationStatus !== "NONE").length,
      threats.length,
    ),
  };
}
