import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PermissionError } from "@/lib/server/errors";

export const PAGE_SIZE = 25;

/**
 * Which ratings the actor may read: guardians their own, managers those of guardians in
 * their organisations, leads and security engineers everyone's.
 */
function visibleFeedback(actor: SessionActor): Prisma.FeedbackWhereInput {
  if (!can(actor, "feedback.read")) throw new PermissionError();
  const scope = queryScope(actor, "feedback.read");
  return tenantWhere(scope, "guardian.orgId", "guardianId");
}

/** A page of the visible ratings, newest first, with their count and mean. */
export async function listFeedback(actor: SessionActor, page: number) {
  const where = visibleFeedback(actor);
  const [total, rows, avg] = await Promise.all([
    db.feedback.count({ where }),
    db.feedback.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        rating: true,
        comment: true,
        createdAt: true,
        guardian: { select: { id: true, name: true } },
        rater: { select: { name: true } },
        review: { select: { id: true, key: true, service: true } },
        threatModel: { select: { id: true, key: true, system: true } },
      },
    }),
    db.feedback.aggregate({ where, _avg: { rating: true } }),
  ]);
  return {
    total,
    rows,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    average: avg._avg.rating,
  };
}
