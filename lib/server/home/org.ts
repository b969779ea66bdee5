import "server-only";
import { heldTodayWhere } from "@/lib/belts/validity";
import { todayUtc } from "@/lib/period";
import { db } from "@/lib/db/client";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { BELT, type Belt } from "@/lib/vocabulary";
import { teamsList } from "@/lib/url-state/lists";

/** How many of the organisation's guardians the manager's home lists; the directory has the rest. */
export const ORG_GUARDIANS_SHOWN = 10;

const highestBelt = (belts: Belt[]) =>
  belts.reduce<Belt | null>(
    (top, b) => (top === null || BELT.rank(b) > BELT.rank(top) ? b : top),
    null,
  );

/**
 * A manager's organisation at a glance. Guardians are people: someone who guards two teams
 * counts once and is listed once, with both teams.
 */
export async function getOrgSummary(actor: SessionActor) {
  const scope = queryScope(actor, "dashboard.read");
  const teams = tenantWhere(scope, "orgId");
  const activeHere = { status: "ACTIVE" as const, team: teams };
  const guardianWhere = { memberships: { some: activeHere } };
  const [orgs, teamCount, coveredTeams, guardianCount, people, latestNewsletter] =
    await Promise.all([
      db.org.findMany({
        where: { leaderId: actor.id },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      }),
      db.team.count({ where: teams }),
      db.team.count({ where: { ...teams, guardians: { some: { status: "ACTIVE" } } } }),
      db.user.count({ where: guardianWhere }),
      db.user.findMany({
        where: guardianWhere,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: ORG_GUARDIANS_SHOWN,
        select: {
          id: true,
          name: true,
          memberships: {
            where: activeHere,
            orderBy: { team: { name: "asc" } },
            select: { team: { select: { id: true, name: true } } },
          },
          beltAwards: { where: heldTodayWhere(todayUtc()), select: { belt: true } },
        },
      }),
      db.newsletter.findFirst({
        where: { status: "PUBLISHED", org: { id: { in: actor.orgScope } } },
        orderBy: { publishedAt: "desc" },
        select: { id: true, quarter: true, publishedAt: true, org: { select: { name: true } } },
      }),
    ]);
  const guardians = people.map((p) => ({
    id: p.id,
    name: p.name,
    teams: p.memberships.map((m) => m.team),
    belt: highestBelt(p.beltAwards.map((a) => a.belt)),
  }));
  // The directory is already scoped to the manager's organisations; one org needs no further filter.
  const directoryHref = teamsList.href("/directory", {
    filter: {
      coverage: "covered",
      org: scope.orgIds.length === 1 && !scope.all ? scope.orgIds[0] : undefined,
    },
  });
  return {
    orgs,
    teamCount,
    coveredTeams,
    guardianCount,
    guardians,
    directoryHref,
    latestNewsletter,
  };
}
