import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import { tenantSql, tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { cached } from "@/lib/server/metrics/cache";
import { metricsVersions } from "@/lib/server/metrics/versions";
import { guardianOfReviewTeam } from "@/lib/server/metrics/scope";
import { parseQuarterKey, quarterRange } from "@/lib/period";
import type { ReviewUrlFilter } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";

export const PAGE_SIZE = 25;
/** The list's filter with its team resolved (`teamFilter`): -1 when the typed team matches none. */
export type ReviewFilter = Omit<ReviewUrlFilter, "team"> & { team?: number };

const select = {
  id: true,
  key: true,
  service: true,
  requestedAt: true,
  startedAt: true,
  completedAt: true,
  outcome: true,
  team: { select: { name: true } },
  securityEngineer: { select: { name: true } },
  _count: { select: { findings: true } },
} as const;

/**
 * Filters in SQL, so "with guardian" is exactly what the dashboards count (docs/metrics.md): a
 * participant who was an active guardian of the reviewed team on the completed date (today
 * for open reviews). SQL picks the page's ids and the total; Prisma loads those rows.
 */
/**
 * Ids of every review with a guardian, in one hash join over all participants (a per-review
 * EXISTS costs half a second at 100,000 reviews, on every request). Cached like the dashboard
 * figures it agrees with: refreshed in the background at most a minute after a change.
 */
async function reviewsWithGuardian(version: string): Promise<number[]> {
  const day = Prisma.sql`coalesce((r."completedAt" AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date)`;
  return cached("reviews-with-guardian", version, async () => {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT DISTINCT p."reviewId" AS id FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId"
      JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(day)}`;
    return rows.map((r) => r.id);
  });
}

/** Newest request first by default; by completed date, open reviews come last either way. */
export async function listReviews(
  actor: SessionActor,
  f: ReviewFilter,
  page: number,
  sort: Sort = { key: "requested", desc: true },
) {
  const scope = queryScope(actor, "review.read");
  const q = f.period ? parseQuarterKey(f.period) : null;
  const range = q ? quarterRange(q) : null;
  const version = (await metricsVersions()).data; // one read of the data version for both cached parts
  const conditions: Prisma.Sql[] = [
    tenantSql(scope, 't."orgId"'),
    f.team ? Prisma.sql`r."teamId" = ${f.team}` : Prisma.sql`TRUE`,
    f.status === "requested"
      ? Prisma.sql`r."startedAt" IS NULL AND r."completedAt" IS NULL`
      : f.status === "in-progress"
        ? Prisma.sql`r."startedAt" IS NOT NULL AND r."completedAt" IS NULL`
        : f.status === "open"
          ? Prisma.sql`r."completedAt" IS NULL`
          : f.status === "completed"
            ? Prisma.sql`r."completedAt" IS NOT NULL`
            : Prisma.sql`TRUE`,
    f.engineer === "me"
      ? Prisma.sql`r."securityEngineerId" = ${actor.id}`
      : f.engineer === "none"
        ? Prisma.sql`r."securityEngineerId" IS NULL`
        : Prisma.sql`TRUE`,
    f.guardian
      ? Prisma.sql`${f.guardian === "with" ? Prisma.empty : Prisma.sql`NOT`} (r.id = ANY(${await reviewsWithGuardian(version)}::int[]))`
      : Prisma.sql`TRUE`,
    !range
      ? Prisma.sql`TRUE`
      : f.periodOf === "requested"
        ? Prisma.sql`r."requestedAt" >= ${range.start} AND r."requestedAt" < ${range.end}`
        : Prisma.sql`r."completedAt" >= ${range.start} AND r."completedAt" < ${range.end}`,
  ];
  const where = Prisma.join(conditions, " AND ");
  // The total is counted once per data version and filter (always current: `fresh`), not on every page view.
  const countKey = `review-count|${JSON.stringify({ orgs: scope.all ? "all" : scope.orgIds, f, me: f.engineer === "me" ? actor.id : null })}`;
  const [counted, ids] = await Promise.all([
    cached(
      countKey,
      version,
      () =>
        db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM "Review" r JOIN "Team" t ON t.id = r."teamId" WHERE ${where}`,
      { fresh: true },
    ),
    db.$queryRaw<
      { id: number }[]
    >`SELECT r.id FROM "Review" r JOIN "Team" t ON t.id = r."teamId" WHERE ${where}
      ORDER BY ${orderBy(sort)} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  const found = await db.review.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)!).filter(Boolean);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

// Both orders follow an index (requestedAt, id) or (completedAt).
function orderBy(sort: Sort) {
  const dir = sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return sort.key === "completed"
    ? Prisma.sql`r."completedAt" ${dir} NULLS LAST, r.id ${dir}`
    : Prisma.sql`r."requestedAt" ${dir}, r.id ${dir}`;
}

export async function getReview(actor: SessionActor, id: number) {
  const scope = queryScope(actor, "review.read");
  return db.review.findFirst({
    where: { id, ...tenantWhere(scope, "team.orgId") },
    include: {
      team: { select: { id: true, name: true, orgId: true, profile: true } },
      securityEngineer: { select: { name: true } },
      participants: {
        include: {
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              memberships: {
                where: { activeOn: { not: null } },
                select: { teamId: true, activeOn: true, leftOn: true },
              },
            },
          },
        },
      },
      checklist: { orderBy: { position: "asc" } },
      findings: { orderBy: { id: "asc" } },
      feedback: { select: { guardianId: true, rating: true, comment: true } },
      jiraLink: { select: { issueKey: true, issueUrl: true } },
    },
  });
}
