import {
  comparisonCsv,
  COMPARISON_DEFAULT_SORT,
  COMPARISON_SORT_KEYS,
  sortComparison,
} from "@/lib/metrics/org-comparison";
import { quarterKey } from "@/lib/period";
import { apiRoute } from "@/lib/server/api-route";
import { csvResponse, DASHBOARD_READ } from "@/lib/server/metrics/csv-response";
import { comparisonLevel, loadOrgComparison } from "@/lib/server/metrics/org-comparison";
import { orgComparisonQuerySchema, type OrgComparisonQuery } from "@/lib/url-state/lists";
import { parseSort } from "@/lib/url-state/sort";

// The organisation comparison as CSV, in the page's order (`sort`); another organisation's
// `org` answers 404 as the page does.
export const GET = apiRoute<OrgComparisonQuery>(
  {
    ...DASHBOARD_READ,
    query: orgComparisonQuerySchema,
  },
  async ({ actor, input }) => {
    const level = await comparisonLevel(actor, input);
    const { quarter, rows } = await loadOrgComparison(level, input);
    const sort = parseSort(input.sort, COMPARISON_SORT_KEYS, COMPARISON_DEFAULT_SORT);
    const key = quarterKey(quarter);
    return csvResponse(
      comparisonCsv(sortComparison(rows, sort), key, level.label),
      `organisations-${level.parent ? `${level.parent.id}-` : ""}${key}.csv`,
    );
  },
);
