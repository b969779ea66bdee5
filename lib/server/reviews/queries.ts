import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseQuarterKey, quarterRange } from "@/lib/period";

export const PAGE_SIZE = 25;
export type ReviewFilter = { team?: number; status?: "requested" | "in-progress" | "completed"; guardian?: "with" | "without"; period?: string };

// "With guardian": a participant who was an active guardian of the team on the completed date (or today).
const guardianParticipant = (present: boolean): Prisma.ReviewWhereInput => {
  const day = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const cond: Prisma.ReviewWhereInput = { participants: { some: { user: { memberships: { some: { status: { in: ["ACTIVE", "ALUMNI"] }, activeOn: { lte: day } } } } } } };
  return present ? cond : { NOT: cond };
};

export async function listReviews(actor: SessionActor, f: ReviewFilter, page: number) {
  const scope = queryScope(actor, "review.read");
  const q = f.period ? parseQuarterKey(f.period) : null;
  const range = q ? quarterRange(q) : null;
  const where: Prisma.ReviewWhereInput = {
    AND: [
      scope.all ? {} : { team: { orgId: { in: scope.orgIds } } },
      f.team ? { teamId: f.team } : {},
      f.status === "requested" ? { startedAt: null, completedAt: null } : f.status === "in-progress" ? { startedAt: { not: null }, completedAt: null } : f.status === "completed" ? { completedAt: { not: null } } : {},
      f.guardian ? guardianParticipant(f.guardian === "with") : {},
      range ? { completedAt: { gte: range.start, lt: range.end } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.review.count({ where }),
    db.review.findMany({ where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: { id: true, key: true, service: true, requestedAt: true, startedAt: true, completedAt: true, outcome: true, team: { select: { name: true } }, securityEngineer: { select: { name: true } }, _count: { select: { findings: true } } } }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getReview(actor: SessionActor, id: number) {
  const scope = queryScope(actor, "review.read");
  return db.review.findFirst({
    where: { id, ...(scope.all ? {} : { team: { orgId: { in: scope.orgIds } } }) },
    include: {
      team: { select: { id: true, name: true, orgId: true } }, securityEngineer: { select: { name: true } },
      participants: { include: { user: { select: { id: true, name: true, email: true, memberships: { where: { activeOn: { not: null } }, select: { teamId: true, activeOn: true, leftOn: true } } } } } },
      checklist: { orderBy: { position: "asc" } }, findings: { orderBy: { id: "asc" } },
      feedback: { select: { guardianId: true, rating: true, comment: true } },
    },
  });
}
