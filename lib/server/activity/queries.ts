import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { monthRange } from "@/lib/period";

export const PAGE_SIZE = 20;

export async function listOwnActivities(actor: SessionActor, page: number) {
  const where = { userId: actor.id, deletedAt: null };
  const [total, entries] = await Promise.all([
    db.activityEntry.count({ where }),
    db.activityEntry.findMany({
      where,
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        date: true,
        quarterHours: true,
        type: true,
        note: true,
        version: true,
        review: { select: { key: true, service: true } },
        threatModel: { select: { key: true, system: true } },
      },
    }),
  ]);
  return { total, entries, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function monthTotal(actor: SessionActor, today = new Date()) {
  const { start, end } = monthRange(today);
  const sum = await db.activityEntry.aggregate({
    where: { userId: actor.id, deletedAt: null, date: { gte: start, lt: end } },
    _sum: { quarterHours: true },
  });
  return sum._sum.quarterHours ?? 0;
}

export async function getOwnActivity(actor: SessionActor, id: bigint) {
  return db.activityEntry.findFirst({
    where: { id, userId: actor.id, deletedAt: null },
    select: {
      id: true,
      date: true,
      quarterHours: true,
      type: true,
      note: true,
      reviewId: true,
      threatModelId: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          date: true,
          quarterHours: true,
          type: true,
          note: true,
          deleted: true,
          changedAt: true,
        },
      },
    },
  });
}

/** Reviews and threat models the person is likely to log against: their teams' recent ones. */
export async function linkOptions(actor: SessionActor) {
  const memberships = await db.guardianMembership.findMany({
    where: { userId: actor.id, status: "ACTIVE" },
    select: { teamId: true },
  });
  const teamIds = [
    ...new Set([...memberships.map((m) => m.teamId), ...(actor.teamId ? [actor.teamId] : [])]),
  ];
  const since = new Date(Date.now() - 90 * 24 * 3600_000);
  const reviewScope = queryScope(actor, "review.read");
  const tmScope = queryScope(actor, "threatmodel.read");
  const [reviews, threatModels] = await Promise.all([
    db.review.findMany({
      where: {
        OR: [{ teamId: { in: teamIds } }, { participants: { some: { userId: actor.id } } }],
        AND: [{ OR: [{ completedAt: null }, { completedAt: { gte: since } }] }],
        team: tenantWhere(reviewScope, "orgId"),
      },
      orderBy: { requestedAt: "desc" },
      take: 40,
      select: { id: true, key: true, service: true },
    }),
    db.threatModel.findMany({
      where: {
        OR: [{ teamId: { in: teamIds } }, { authors: { some: { userId: actor.id } } }],
        AND: [{ OR: [{ approvedOn: null }, { approvedOn: { gte: since } }] }],
        team: tenantWhere(tmScope, "orgId"),
      },
      orderBy: { createdOn: "desc" },
      take: 40,
      select: { id: true, key: true, system: true },
    }),
  ]);
  return [
    ...reviews.map((r) => ({ value: `review:${r.id}`, label: `Review ${r.key}: ${r.service}` })),
    ...threatModels.map((t) => ({
      value: `threat-model:${t.id}`,
      label: `Threat model ${t.key}: ${t.system}`,
    })),
  ];
}
