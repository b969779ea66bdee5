import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrgLeaderboard, TeamLeaderboard } from "@/components/recognition/leaderboard-tables";
import { buttonClass } from "@/components/ui/button";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/guards";
import { periodLabel } from "@/lib/metrics/period-labels";
import { addQuarters, parseQuarterKey, quarterKey, quarterLabel, quarterOf } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { leaderboards } from "@/lib/server/recognition/leaderboards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { leaderboardList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Leaderboards" };

const BY_OPTIONS = [
  { value: "reviews", label: "Reviews with a guardian" },
  { value: "belts", label: "Belts earned" },
  { value: "coverage", label: "Coverage (organisations)" },
];

export default async function LeaderboardsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("directory.read");
  const state = leaderboardList.parse(await searchParams);
  const current = quarterOf(new Date());
  const quarter = (state.filter.quarter && parseQuarterKey(state.filter.quarter)) || current;
  const by = state.filter.by ?? "reviews";
  const boards = await leaderboards(actor, { quarter, org: state.filter.org, by }).catch(
    (error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const quarters = Array.from({ length: 12 }, (_, i) => addQuarters(current, -i));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Leaderboards"
        description={`Teams and organisations${boards.parent ? ` in ${boards.parent.name}` : ""}, ${periodLabel(boards.period)}. People are never ranked here.`}
        actions={
          <Link href="/recognition" className={buttonClass("secondary")}>
            Recognition wall
          </Link>
        }
      />
      {boards.parent ? (
        <p className="text-sm">
          <Link
            href={leaderboardList.href("/recognition/leaderboards", {
              filter: { ...state.filter, org: undefined },
            })}
            className="text-brand-600 hover:underline dark:text-brand-100"
          >
            Back to every organisation you can see
          </Link>
        </p>
      ) : null}
      <FilterBar
        action="/recognition/leaderboards"
        hidden={state.filter.org ? { org: String(state.filter.org) } : {}}
      >
        <Select
          label="Quarter"
          name="quarter"
          defaultValue={state.filter.quarter ?? ""}
          placeholder={`${quarterLabel(current)} (to date)`}
          options={quarters.slice(1).map((q) => ({ value: quarterKey(q), label: quarterLabel(q) }))}
        />
        <Select label="Ranked by" name="by" defaultValue={by} options={BY_OPTIONS} />
      </FilterBar>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Coverage: teams with an active guardian at the quarter&apos;s end, of the teams existing
        then. Reviews with a guardian: reviews completed in the quarter with a guardian of the team
        taking part. Belts earned: first awards in the quarter, credited to the teams their holder
        guarded. Equal figures share a rank; teams are ranked on reviews or belts. Someone who{" "}
        <Link href="/account#recognition-heading" className="underline">
          hides themselves from recognition
        </Link>{" "}
        is left off the wall, and their team&apos;s figures stay whole: a team&apos;s work counts
        for the team.
      </p>
      <OrgLeaderboard rows={boards.orgs} state={state} />
      <TeamLeaderboard rows={boards.teams} state={state} />
    </div>
  );
}
