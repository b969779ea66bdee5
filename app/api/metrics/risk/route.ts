import { quarterKey } from "@/lib/period";
import { riskCsvChunks } from "@/lib/metrics/risk-history";
import { apiRoute } from "@/lib/server/api-route";
import { csvResponse, DASHBOARD_READ } from "@/lib/server/metrics/csv-response";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { riskHistory } from "@/lib/server/metrics/risk-history";
import { filterQuarters, type DashboardFilter } from "@/lib/validations/dashboard";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// Every team in scope at each quarter's end of the filter: points, budget, used %, over. The
// figures are read (and refused) before the answer starts; the text streams a quarter at a time.
export const GET = apiRoute<DashboardFilter>(
  {
    ...DASHBOARD_READ,
    query: dashboardFilterSchema,
  },
  async ({ actor, input }) => {
    const resolved = await resolveScope(actor, input);
    const quarters = filterQuarters(input);
    const history = await riskHistory(resolved.scope, quarters);
    return csvResponse(
      riskCsvChunks(history, resolved.label),
      `risk-budget-${quarterKey(quarters[0])}-${quarterKey(quarters.at(-1)!)}.csv`,
    );
  },
);
