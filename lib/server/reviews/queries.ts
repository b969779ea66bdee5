import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import { tenantSql, tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { cached, dataVersion } from "@/lib/server/metrics/cache";
import { guardianOfReviewTeam } from "@/lib/server/metrics/scope";
import { parseQuarterKey, quarterRange } from "@/lib/period";

export const PAGE_SIZE = 25;
export const REVIEW_STATUSES = ["requested", "in-progress", "open", "completed"] as const;
export type ReviewFilter = {
  team?: number;
  status?: (typeof REVIEW_STATUSES)[number];
  guardian?: "with" | "without";
  engineer?: "me" | "none";
  /** A quarter ("2026-Q1") of the completed date, or of the requested date with periodOf "requested". */
  period?: string;
  periodOf?: "requested" | "completed";
};

/**
 * The list's filter from the page's query string (the team resolved by the caller); anything
 * unknown is ignored.
 */
export function parseReviewFilter(
  p: Record<string, string | undefined>,
  team: number | undefined,
): ReviewFilter {
  return {
    team,
    status: REVIEW_STATUSES.find((s) => s === p.status),
    guardian: p.guardian === "with" || p.guardian === "without" ? p.guardian : undefined,
    engineer: p.engineer === "me" || p.engineer === "none" ? p.engineer : undefined,
    period: /^\d{4}-Q[1-4]$/.test(p.period ?? "") ? p.period : undefined,
    periodOf: p.periodOf === "requested" ? "requested" : undefined,
  };
}

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
  return cached(
    "reviews-with-guardian",
    version,
    async () => {
      const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT DISTINCT p."reviewId" AS id FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId"
      JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(day)}`;
      return rows.map((r) => r.id);
    },
    { activities: "none" },
  );
}

export async function listReviews(actor: SessionActor, f: ReviewFilter, page: number) {
  const scope = queryScope(actor, "review.read");
  const q = f.period ? parseQuarterKey(f.period) : null;
  const range = q ? quarterRange(q) : null;
  const version = await dataVersion(); // one read of the data version for both cached parts
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
      { fresh: true, activities: "none" },
    ),
    db.$queryRaw<
      { id: number }[]
    >`SELECT r.id FROM "Review" r JOIN "Team" t ON t.id = r."teamId" WHERE ${where}
      ORDER BY r."requestedAt" DESC, r.id DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  const found = await db.review.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)!).filter(Boolean);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getReview(actor: SessionActor, id: number) {
  const scope = queryScope(actor, "review.read");
  return db.review.findFirst({
    where: { id, ...tenantWhere(scope, "team.orgId") },
    include: {
      team: { select: { id: true, name: true, orgId: true } },
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
    },
  });
}
