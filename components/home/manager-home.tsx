import Link from "next/link";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { BELT } from "@/lib/vocabulary";
import { getOrgSummary } from "@/lib/server/home/org";
import { OrgAgreedTimeCard } from "@/components/agreed-time/org-agreed-time-card";
import { MoreLink } from "./more-link";
import { teamsList } from "@/lib/url-state/lists";

const link = "text-brand-600 hover:underline dark:text-brand-100";
type Guardian = Awaited<ReturnType<typeof getOrgSummary>>["guardians"][number];

const guardianColumns: Column<Guardian>[] = [
  {
    header: "Guardian",
    cell: (g) => (
      <Link href={`/people/${g.id}`} className={link}>
        {g.name}
      </Link>
    ),
  },
  {
    header: "Team",
    cell: (g) =>
      g.teams.map((t, i) => (
        <span key={t.id}>
          {i ? ", " : ""}
          <Link href={`/directory/teams/${t.id}`} className={link}>
            {t.name}
          </Link>
        </span>
      )),
  },
  { header: "Belt", cell: (g) => (g.belt ? BELT.label(g.belt) : "—") },
  {
    header: "Impact",
    cell: (g) => (
      <Link
        href={`/people/${g.id}/impact`}
        className={link}
        aria-label={`Impact statement of ${g.name}`}
      >
        Statement
      </Link>
    ),
  },
];

export async function ManagerHome({ actor }: { actor: SessionActor }) {
  const s = await getOrgSummary(actor);
  const coverage = s.teamCount
    ? `${Math.round((s.coveredTeams / s.teamCount) * 100)}%`
    : "No teams";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {s.orgs.length
          ? `You lead ${s.orgs.map((o) => o.name).join(", ")}.`
          : "Figures below cover your organisation."}
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label="Active guardians"
          value={s.guardianCount.toLocaleString("en")}
          hint="People, each counted once"
        />
        <Stat label="Teams" value={s.teamCount.toLocaleString("en")} />
        <Stat
          label="Teams with a guardian"
          value={coverage}
          hint={`${s.coveredTeams} of ${s.teamCount}`}
        />
      </div>
      <OrgAgreedTimeCard actor={actor} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Your organisation&apos;s guardians</CardTitle>
          {s.guardians.length === 0 ? (
            <div className="mt-3">
              <EmptyState
                title="No active guardian yet"
                action={{
                  href: teamsList.href("/directory", { filter: { coverage: "uncovered" } }),
                  label: "Nominate one for a team without a guardian",
                }}
              />
            </div>
          ) : (
            <>
              <DataTable
                caption="Active guardians, by name"
                columns={guardianColumns}
                rows={s.guardians}
                rowKey={(g) => g.id}
                className="mt-2"
              />
              <MoreLink
                href={s.directoryHref}
                shown={s.guardians.length}
                total={s.guardianCount}
                label="Teams and their guardians in the directory"
              />
            </>
          )}
        </Card>
        <Card>
          <CardTitle>Latest newsletter</CardTitle>
          {s.latestNewsletter ? (
            <p className="mt-2 text-sm">
              <Link
                href={`/newsletters/${s.latestNewsletter.id}`}
                className={`font-medium ${link}`}
              >
                {s.latestNewsletter.org.name}, {s.latestNewsletter.quarter}
              </Link>
              {s.latestNewsletter.publishedAt
                ? `, published ${formatDate(s.latestNewsletter.publishedAt)}`
                : ""}
            </p>
          ) : (
            <div className="mt-3">
              <EmptyState title="No newsletter published for your organisation yet">
                The program lead publishes one each quarter.
              </EmptyState>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
