import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { getLeadAgenda } from "@/lib/server/home/program";
import { CoverageAlertsCard } from "./coverage-alerts-card";
import { MoreLink } from "./more-link";
import { teamsList } from "@/lib/url-state/lists";

export async function LeadHome({ actor }: { actor: SessionActor }) {
  const agenda = await getLeadAgenda(actor);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Nominations to decide" value={agenda.nominationCount.toLocaleString("en")} />
        <Stat label="Teams without a guardian" value={agenda.uncoveredCount.toLocaleString("en")} />
        <Stat label="Reviews waiting to start" value={agenda.waitingReviews} />
        <Stat label="Threats without mitigation" value={agenda.unmitigatedThreats} />
      </div>
      <CoverageAlertsCard actor={actor} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Oldest pending nominations</CardTitle>
          {agenda.pendingNominations.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="No nominations waiting" />
            </div>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
              {agenda.pendingNominations.map((n) => (
                <li key={n.id} className="py-1.5">
                  {n.user.name} for <strong>{n.team.name}</strong>{" "}
                  <span className="text-slate-600 dark:text-slate-400">
                    since {formatDate(n.nominatedOn)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {agenda.nominationCount > 0 ? (
            <MoreLink
              href="/nominations"
              shown={agenda.pendingNominations.length}
              total={agenda.nominationCount}
              label="Decide nominations"
            />
          ) : null}
        </Card>
        <Card>
          <CardTitle>Teams without an active guardian</CardTitle>
          {agenda.uncovered.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="Every team has a guardian" />
            </div>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
              {agenda.uncovered.map((t) => (
                <li key={t.id} className="flex justify-between py-1.5">
                  <span>
                    {t.name}{" "}
                    <span className="text-slate-600 dark:text-slate-400">· {t.org.name}</span>
                  </span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {TEAM_PROFILE.label(t.profile)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {agenda.uncoveredCount > 0 ? (
            <MoreLink
              href={teamsList.href("/directory", { filter: { coverage: "uncovered" } })}
              shown={agenda.uncovered.length}
              total={agenda.uncoveredCount}
              label="All teams without a guardian"
            />
          ) : null}
        </Card>
      </div>
      <Card>
        <CardTitle>Program goals</CardTitle>
        {agenda.goals.length === 0 ? (
          <div className="mt-3">
            <EmptyState
              title="No goals set"
              action={{ href: "/program", label: "Set the program's goals" }}
            />
          </div>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {agenda.goals.map((g) => (
              <li key={g.id}>
                {g.title}{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  (target {String(g.target)} per {g.period.toLowerCase()})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
