// Metric 10: risk budget per team at the period's end.
import { SEVERITY_WEIGHT, type Severity } from "@/lib/vocabulary";

export type Weighted = { severity: Severity };

export type RiskBudget = {
  findingsPoints: number;
  threatPoints: number;
  total: number;
  budget: number;
  over: boolean;
  usedPct: number;
};

/** `openFindings`: open at the period's end; `unmitigatedThreats`: mitigation status `none`. */
export function riskBudget(
  openFindings: Weighted[],
  unmitigatedThreats: Weighted[],
  budget: number,
): RiskBudget {
  const points = (items: Weighted[]) =>
    items.reduce((sum, i) => sum + SEVERITY_WEIGHT[i.severity], 0);
  const findingsPoints = points(openFindings);
  const threatPoints = points(unmitigatedThreats);
  const total = findingsPoints + threatPoints;
  return {
    findingsPoints,
    threatPoints,
    total,
    budget,
    over: total > budget,
    usedPct: budget > 0 ? (total / budget) * 100 : total > 0 ? Infinity : 0,
  };
}
