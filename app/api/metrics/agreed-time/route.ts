import { agreedTimeCsv } from "@/lib/agreed-time/dashboard";
import { apiRoute } from "@/lib/server/api-route";
import { agreedTimeByOrg } from "@/lib/server/agreed-time/dashboard";
import { csvResponse, DASHBOARD_READ } from "@/lib/server/metrics/csv-response";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { quarterKey } from "@/lib/period";
import { filterQuarters, type DashboardFilter } from "@/lib/validations/dashboard";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// The share of guardians within their agreed time per organisation and quarter, as CSV (the time
// view's table); another organisation's `org` or `team` answers 404 as the page does.
export const GET = apiRoute<DashboardFilter>(
  { ...DASHBOARD_READ, query: dashboardFilterSchema },
  async ({ actor, input }) => {
    const resolved = await resolveScope(actor, input);
    const quarters = filterQuarters(input).map(quarterKey);
    const orgs = await agreedTimeByOrg(actor, resolved, input, quarters);
    return csvResponse(
      agreedTimeCsv(orgs, resolved.label),
      `agreed-time-${quarters[0]}-${quarters.at(-1)}.csv`,
    );
  },
);
