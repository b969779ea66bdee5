import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, orgSubtree, queryScope } from "@/lib/auth/permissions";
import { activeOnDay } from "@/lib/active-guardian/sql";
import { db, reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { quarterPeriod, type MetricPeriod } from "@/lib/metrics/periods";
import { percent } from "@/lib/metrics/stats";
import { isoDay, type Quarter } from "@/lib/period";
import { rankRows, type RankedRow } from "@/lib/recognition/standing";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { trainingFamily } from "@/lib/server/metrics/families/people";
import { reviewFamily } from "@/lib/server/metrics/families/reviews";
import { teamCondition, type MetricScope } from "@/lib/server/metrics/scope";
import { teamsAtPeriodEnd } from "@/lib/server/metrics/team-measures";
import { orgTree, type OrgNode } from "@/lib/server/org-tree";

// Leaderboards of teams and organisations (docs/decisions/0019): never of people. Every figure
// comes from the dashboards' own queries (docs/metrics.md): coverage (8) from the active
// guardians at the quarter's end, reviews with a guardian (1) from the review family, belts
// earned (first awards, not renewals) credited to the teams their holder was an active guardian
// of on the day. A person hidden from recognition still counts: the figures are the team's work.

type BoardBy = "reviews" | "belts" | "coverage";
export type TeamFigures = {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  /** An active guardian at the quarter's end (to date: today). */
  covered: boolean;
  reviewsWithGuardian: number;
  beltsEarned: number;
};
export type OrgFigures = {
  id: number;
  name: string;
  subOrgs: number;
  teams: number;
  coveredTeams: number;
  coveragePct: number | null;
  reviewsWithGuardian: number;
  beltsEarned: number;
};

const BY_TEAM = { byTeam: true } as const;

/** Each first belt award of the period with the teams its holder was an active guardian of. */
async function beltsEarnedByTeam(scope: MetricScope, period: MetricPeriod) {
  return reportDb.$queryRaw<{ awardId: number; teamId: number }[]>`
    SELECT DISTINCT b.id AS "awardId", g."teamId"
    FROM "BeltAward" b
    JOIN "GuardianMembership" g ON g."userId" = b."userId" AND ${activeOnDay(Prisma.sql`b."awardedOn"`)}
    JOIN "Team" t ON t.id = g."teamId"
    WHERE b."awardedOn" >= ${isoDay(period.start)}::date AND b."awardedOn" < ${isoDay(period.end)}::date
      AND NOT b.renewal AND b."revokedAt" IS NULL AND ${teamCondition(scope)}`;
}

/** The figures of every team of `scope` that existed at the period's end. */
async function teamFigures(scope: MetricScope, period: MetricPeriod) {
  const [teams, reviews, guardians, belts] = await Promise.all([
    teamsAtPeriodEnd(scope, period),
    reviewFamily(scope, [period], BY_TEAM),
    trainingFamily(scope, [period], BY_TEAM),
    beltsEarnedByTeam(scope, period),
  ]);
  const orgs = await db.team.findMany({
    where: { id: { in: teams.map((t) => t.id) } },
    select: { id: true, orgId: true, org: { select: { name: true } } },
  });
  const orgOf = new Map(orgs.map((t) => [t.id, t]));
  const reviewsOf = reviews.get(period.key);
  const guardiansOf = guardians.get(period.key);
  const figures: TeamFigures[] = teams.map((t) => ({
    id: t.id,
    name: t.name,
    orgId: orgOf.get(t.id)!.orgId,
    orgName: orgOf.get(t.id)!.org.name,
    covered: (guardiansOf?.get(t.id)?.guardians ?? 0) > 0,
    reviewsWithGuardian: reviewsOf?.get(t.id)?.cycle.withGuardian.n ?? 0,
    beltsEarned: belts.filter((b) => b.teamId === t.id).length,
  }));
  return { figures, belts };
}

/** An organisation's figures with its sub-orgs, from its teams' (the dashboards' scope). */
function orgFigures(
  org: OrgNode,
  tree: OrgNode[],
  teams: TeamFigures[],
  belts: { awardId: number; teamId: number }[],
): OrgFigures {
  const orgIds = new Set(orgSubtree(tree, [org.id]));
  const mine = teams.filter((t) => orgIds.has(t.orgId));
  const teamIds = new Set(mine.map((t) => t.id));
  const covered = mine.filter((t) => t.covered).length;
  return {
    id: org.id,
    name: org.name,
    subOrgs: orgIds.size - 1,
    teams: mine.length,
    coveredTeams: covered,
    coveragePct: percent(covered, mine.length),
    reviewsWithGuardian: mine.reduce((sum, t) => sum + t.reviewsWithGuardian, 0),
    // A belt whose holder guards two of the organisation's teams is one belt.
    beltsEarned: new Set(belts.filter((b) => teamIds.has(b.teamId)).map((b) => b.awardId)).size,
  };
}

type LeaderboardQuery = { quarter: Quarter; org?: number; by: BoardBy };
type Leaderboards = {
  period: MetricPeriod;
  /** The organisation whose sub-orgs and teams are shown, when one was chosen. */
  parent: OrgNode | null;
  teams: RankedRow<TeamFigures>[];
  orgs: RankedRow<OrgFigures>[];
};

const figureOf: Record<BoardBy, (row: TeamFigures | OrgFigures) => number | null> = {
  reviews: (r) => r.reviewsWithGuardian,
  belts: (r) => r.beltsEarned,
  coverage: (r) => ("coveragePct" in r ? r.coveragePct : null),
};

/**
 * The leaderboards the reader may see: the teams and organisations of their directory scope (a
 * guardian's or manager's organisation, everyone's for leads), or of one organisation in it
 * (another's answers not found). Organisations are one level of the tree: the highest the reader
 * may see, or the chosen one's sub-orgs. Teams are ranked by reviews or belts only: a team's
 * coverage is yes or no.
 */
export async function leaderboards(
  actor: SessionActor,
  query: LeaderboardQuery,
): Promise<Leaderboards> {
  if (!can(actor, "directory.read")) throw new PermissionError();
  const allowed = queryScope(actor, "directory.read");
  const tree = await orgTree();
  const readable = new Set(allowed.all ? tree.map((o) => o.id) : allowed.orgIds);
  const parent = query.org ? (tree.find((o) => o.id === query.org) ?? null) : null;
  if (query.org && (!parent || !readable.has(parent.id))) throw new NotFoundError("organisation");
  const scope: MetricScope = {
    orgIds: parent ? orgSubtree(tree, [parent.id]) : allowed.all ? null : [...readable],
    teamId: null,
  };
  const period = quarterPeriod(query.quarter);
  const { figures, belts } = await teamFigures(scope, period);
  const level = tree.filter((o) =>
    parent
      ? o.parentId === parent.id
      : readable.has(o.id) && (o.parentId === null || !readable.has(o.parentId)),
  );
  const teamBy = query.by === "coverage" ? "reviews" : query.by;
  return {
    period,
    parent,
    teams: rankRows(figures, figureOf[teamBy]),
    orgs: rankRows(
      level.map((o) => orgFigures(o, tree, figures, belts)),
      figureOf[query.by],
    ),
  };
}
