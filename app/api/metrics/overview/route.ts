import { overviewCsv } from "@/lib/metrics/overview-csv";
import { overBudgetCounts } from "@/lib/metrics/risk-history";
import { apiRoute } from "@/lib/server/api-route";
import { csvResponse, DASHBOARD_READ } from "@/lib/server/metrics/csv-response";
import { loadDashboardFigures, resolveScope } from "@/lib/server/metrics/dashboard";
import { riskHistory } from "@/lib/server/metrics/risk-history";
import { filterQuarters, type DashboardFilter } from "@/lib/validations/dashboard";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// The overview as CSV: every headline figure and charted series per quarter, and the teams over
// their risk budget at each quarter's end (a static segment: it wins over /api/metrics/[family]).
export const GET = apiRoute<DashboardFilter>(
  {
    ...DASHBOARD_READ,
    query: dashboardFilterSchema,
  },
  async ({ actor, input }) => {
    const resolved = await resolveScope(actor, input);
    const [data, history] = await Promise.all([
      loadDashboardFigures(resolved, input),
      riskHistory(resolved.scope, filterQuarters(input)),
    ]);
    return csvResponse(
      overviewCsv(data.metrics, data.label, overBudgetCounts(history)),
      `overview-${data.quarters[0]}-${data.quarters.at(-1)}.csv`,
    );
  },
);
