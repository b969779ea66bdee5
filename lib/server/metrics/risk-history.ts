import "server-only";
import type { RiskAtQuarter } from "@/lib/metrics/risk-history";
import { quarterKey, type Quarter } from "@/lib/period";
import { riskBudgets } from "./quarter";
import type { MetricScope } from "./scope";

/**
 * Every team's risk budget at each quarter's end, oldest first, for a scope the caller has
 * already resolved for the actor (`resolveScope`). Each quarter is cached by `riskBudgets`.
 */
export async function riskHistory(
  scope: MetricScope,
  quarters: Quarter[],
): Promise<RiskAtQuarter[]> {
  const history: RiskAtQuarter[] = [];
  // A few quarters at a time keeps the connection pool free for other requests.
  for (let i = 0; i < quarters.length; i += 4) {
    const batch = quarters.slice(i, i + 4);
    const teams = await Promise.all(batch.map((q) => riskBudgets(scope, q)));
    history.push(...batch.map((q, j) => ({ quarter: quarterKey(q), teams: teams[j] })));
  }
  return history;
}
