import "server-only";
import { cache } from "react";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { UNREAD_CAP } from "@/lib/notifications/bell";
import { NotFoundError } from "@/lib/server/errors";

// The signed-in person's own notifications: the bell, the list, marking read. Every function
// reads and writes only rows of `actor.id`, so another person's notification is "not found".

export const PAGE_SIZE = 25;

const countUnread = cache(async (userId: number): Promise<number> => {
  // At most UNREAD_CAP entries of the (userId, readAt) index: a long unread list costs no more.
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL LIMIT ${UNREAD_CAP}
    ) unread`;
  return row?.n ?? 0;
});

/** How many of the person's notifications are unread, up to UNREAD_CAP ("99+"); once per request. */
export function unreadCount(actor: SessionActor): Promise<number> {
  return countUnread(actor.id);
}

/** One page of the person's notifications, newest first, and the newest one's id. */
export async function listNotifications(actor: SessionActor, page: number) {
  const where = { userId: actor.id };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [total, rows, newest] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        body: true,
        link: true,
        createdAt: true,
        readAt: true,
      },
    }),
    db.notification.findFirst({ where, orderBy, select: { id: true } }),
  ]);
  return {
    total,
    rows,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    newestId: newest?.id ?? null,
  };
}

/** Marks one of the person's notifications read (again: no change); someone else's is not found. */
export async function markRead(actor: SessionActor, id: bigint): Promise<void> {
  const { count } = await db.notification.updateMany({
    where: { id, userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0 && !(await db.notification.count({ where: { id, userId: actor.id } })))
    throw new NotFoundError("notification");
}

/** Marks the person's unread notifications read, up to the newest the page showed; how many. */
export async function markAllRead(actor: SessionActor, upTo: bigint): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, id: { lte: upTo } },
    data: { readAt: new Date() },
  });
  return count;
}

/** Opening a notification: marks it read and answers its link; null when it is not the person's. */
export async function openNotification(actor: SessionActor, id: bigint): Promise<string | null> {
  const rows = await db.$queryRaw<{ link: string }[]>`
    UPDATE "Notification" SET "readAt" = coalesce("readAt", now())
    WHERE id = ${id} AND "userId" = ${actor.id}
    RETURNING link`;
  return rows[0]?.link ?? null;
}
