import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatFigure } from "@/lib/metrics/stats";
import type { RankedRow } from "@/lib/recognition/standing";
import type { OrgFigures, TeamFigures } from "@/lib/server/recognition/leaderboards";
import { leaderboardList } from "@/lib/url-state/lists";

type State = ReturnType<typeof leaderboardList.parse>;
const PATH = "/recognition/leaderboards";
const PER_PAGE = 25;

function Rank({ rank }: { rank: number | null }) {
  return rank === null ? (
    <span className="text-slate-500 dark:text-slate-400">
      <span aria-hidden="true">–</span>
      <span className="sr-only">not ranked</span>
    </span>
  ) : (
    <span className="font-semibold">{rank}</span>
  );
}

/** Organisations of one level, each with its sub-orgs; those with sub-orgs lead one level down. */
export function OrgLeaderboard({ rows, state }: { rows: RankedRow<OrgFigures>[]; state: State }) {
  return (
    <Card aria-labelledby="org-board-heading" className="space-y-2">
      <CardTitle>
        <span id="org-board-heading">Organisations</span>
      </CardTitle>
      <DataTable
        caption="Organisations ranked, each with its sub-orgs"
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title="No organisation to rank" />}
        columns={[
          { header: "Rank", cell: (r) => <Rank rank={r.rank} /> },
          {
            header: "Organisation",
            rowHeader: true,
            cell: (r) =>
              r.subOrgs > 0 ? (
                <Link
                  href={leaderboardList.href(PATH, { filter: { ...state.filter, org: r.id } })}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {r.name}
                  <span className="sr-only"> (its sub-orgs and teams)</span>
                </Link>
              ) : (
                r.name
              ),
          },
          {
            header: "Coverage",
            align: "right",
            cell: (r) =>
              r.teams === 0
                ? formatFigure(null)
                : `${formatFigure(r.coveragePct, 0, "%")} (${r.coveredTeams} of ${r.teams})`,
          },
          { header: "Reviews with a guardian", align: "right", cell: (r) => r.reviewsWithGuardian },
          { header: "Belts earned", align: "right", cell: (r) => r.beltsEarned },
        ]}
      />
    </Card>
  );
}

/** Teams ranked on reviews with a guardian or belts earned, a page at a time. */
export function TeamLeaderboard({ rows, state }: { rows: RankedRow<TeamFigures>[]; state: State }) {
  const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const page = Math.min(state.page, pages);
  const shown = rows.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  return (
    <Card aria-labelledby="team-board-heading" className="space-y-2">
      <CardTitle>
        <span id="team-board-heading">Teams</span>
      </CardTitle>
      <DataTable
        caption="Teams ranked"
        rows={shown}
        rowKey={(r) => r.id}
        empty={<EmptyState title="No team to rank in this quarter" />}
        columns={[
          { header: "Rank", cell: (r) => <Rank rank={r.rank} /> },
          { header: "Team", rowHeader: true, cell: (r) => r.name },
          { header: "Organisation", cell: (r) => r.orgName, className: "hidden sm:table-cell" },
          { header: "Guardian at quarter's end", cell: (r) => (r.covered ? "Yes" : "No") },
          { header: "Reviews with a guardian", align: "right", cell: (r) => r.reviewsWithGuardian },
          { header: "Belts earned", align: "right", cell: (r) => r.beltsEarned },
        ]}
      />
      <Pagination
        page={page}
        pages={pages}
        total={rows.length}
        href={leaderboardList.pageHref(PATH, state)}
      />
    </Card>
  );
}
