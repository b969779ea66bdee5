import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { buildSeries, familyById, seriesCsv, withExtraSeries } from "@/lib/metrics/series";
import { loadDashboard } from "@/lib/server/metrics/dashboard";
import { familyExtras } from "@/lib/server/metrics/family-extras";
import { answer } from "@/lib/server/api";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// The CSV behind a dashboard view: one row per point with metric, filter and value (and the
// view's extras: the people view's goal, the feedback view's survey results).
export async function GET(request: Request, { params }: { params: Promise<{ family: string }> }) {
  return answer(async () => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    if (!can(actor, "dashboard.read"))
      return Response.json(
        { error: "You do not have permission to read dashboards." },
        { status: 403 },
      );
    const family = familyById((await params).family);
    if (!family) return Response.json({ error: "No such dashboard." }, { status: 404 });
    const filter = dashboardFilterSchema.parse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const data = await loadDashboard(actor, filter);
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
  });
}
