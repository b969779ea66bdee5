import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listOpenAlerts } from "@/lib/server/coverage-alerts/queries";
import { HOME_LIST_SIZE } from "@/lib/server/home/program";
import { ALERT_KIND } from "@/lib/vocabulary";
import { MoreLink } from "./more-link";

/** The lead's open coverage and succession alerts, newest first (docs/scheduled-notifications.md). */
export async function CoverageAlertsCard({ actor }: { actor: SessionActor }) {
  const { rows, total } = await listOpenAlerts(actor, { size: HOME_LIST_SIZE });
  return (
    <Card aria-labelledby="coverage-alerts-title">
      <CardTitle>
        <span id="coverage-alerts-title">Coverage alerts</span>
      </CardTitle>
      {rows.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No open coverage alerts">
            Every team has a guardian who logs hours, and no team is over its risk budget.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {rows.map((a) => (
            <li key={a.id} className="py-2">
              <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span>
                  <Link
                    href={`/directory/teams/${a.team.id}`}
                    className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                  >
                    {a.team.name}
                  </Link>
                  : {ALERT_KIND.label(a.kind)}
                </span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  raised {formatDate(a.raisedAt)}
                </span>
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">{a.detail}</p>
            </li>
          ))}
        </ul>
      )}
      {total > 0 ? (
        <MoreLink href="/alerts" shown={rows.length} total={total} label="All open alerts" />
      ) : null}
    </Card>
  );
}
