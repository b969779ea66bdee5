import { buildSeries, familyById, seriesCsv, withExtraSeries } from "@/lib/metrics/series";
import { loadDashboard } from "@/lib/server/metrics/dashboard";
import { familyExtras } from "@/lib/server/metrics/family-goal-and-surveys";
import { apiRoute } from "@/lib/server/api-route";
import { DASHBOARD_READ } from "@/lib/server/metrics/csv-response";
import { DomainError } from "@/lib/server/errors";
import { type DashboardFilter } from "@/lib/validations/dashboard";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// The CSV behind a dashboard view: one row per point with metric, filter and value (and the
// view's extras: the people view's goal, the feedback view's survey results).
export const GET = apiRoute<DashboardFilter, { family: string }>(
  {
    ...DASHBOARD_READ,
    query: dashboardFilterSchema,
  },
  async ({ actor, input, params }) => {
    const family = familyById(params.family);
    if (!family) throw new DomainError("No such dashboard.", "not_found");
    const data = await loadDashboard(actor, input);
    const extras = await familyExtras(family.id, data);
    const csv = seriesCsv(
      withExtraSeries(buildSeries(family, data.metrics), extras.series),
      data.label,
      extras.csv,
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${family.id}-${data.quarters[0]}-${data.quarters.at(-1)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
