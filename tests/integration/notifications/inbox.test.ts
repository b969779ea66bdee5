import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getUnread } from "@/app/api/notifications/unread/route";
import OpenNotificationPage from "@/app/(app)/notifications/[id]/open/page";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/lib/server/notifications/actions";
import { PAGE_SIZE, listNotifications, unreadCount } from "@/lib/server/notifications/inbox";
import { createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { actAs, changedTables, fingerprint, formData, invoke } from "../action-harness";

// The signed-in person's own notifications: the list, the bell's count, marking read, opening.
vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

beforeEach(async () => {
  await resetDatabase();
  actAs(null);
});

/** `n` notifications for a person, a minute apart, the last one newest; answers their ids. */
async function notificationsFor(
  userId: number,
  n: number,
  kind: NotificationKind = "BELT_AWARDED",
) {
  const start = Date.now() - n * 60_000;
  await db.notification.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      userId,
      kind,
      title: `Notice ${i + 1}`,
      body: `Body ${i + 1}`,
      link: `/people/${userId}`,
      eventKey: `test:${userId}:${i}`,
      createdAt: new Date(start + i * 60_000),
    })),
  });
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function people() {
  const ada = await createUser(["GUARDIAN"]);
  const bob = await createUser(["GUARDIAN"]);
  return { ada, bob, adaActor: (await loadActor(ada.id))!, bobActor: (await loadActor(bob.id))! };
}

describe("the notifications list", () => {
  it("shows only the person's own, newest first, a page at a time", async () => {
    const { ada, bob, adaActor } = await people();
    await notificationsFor(ada.id, PAGE_SIZE + 2);
    await notificationsFor(bob.id, 3, "REVIEW_ASSIGNED");
    const first = await listNotifications(adaActor, 1);
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0].title).toBe(`Notice ${PAGE_SIZE + 2}`);
    const second = await listNotifications(adaActor, 2);
    expect(second.rows.map((r) => r.title)).toEqual(["Notice 2", "Notice 1"]);
    expect(second.newestId).toBe(first.rows[0].id);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.kind))).toEqual(
      new Set(["BELT_AWARDED"]),
    );
  });

  it("counts unread ones for the bell, up to 100", async () => {
    const { ada, adaActor, bobActor } = await people();
    const ids = await notificationsFor(ada.id, 120);
    expect(await unreadCount(adaActor)).toBe(100);
    await db.notification.updateMany({
      where: { id: { in: ids.slice(0, 118) } },
      data: { readAt: new Date() },
    });
    expect(await unreadCount({ ...adaActor })).toBe(2);
    expect(await unreadCount(bobActor)).toBe(0);
  });

  it("answers the count over HTTP to the signed-in person only", async () => {
    const { ada } = await people();
    await notificationsFor(ada.id, 3);
    const request = () => new Request("http://localhost:3000/api/notifications/unread");
    expect((await getUnread(request())).status).toBe(401);
    actAs(ada.id);
    const response = await getUnread(request());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unread: 3 });
  });
});

describe("marking read", () => {
  it("marks one of the person's own read; someone else's is not found and stays unread", async () => {
    const { ada, bob } = await people();
    const [mine] = await notificationsFor(ada.id, 1);
    const [theirs] = await notificationsFor(bob.id, 1);
    actAs(ada.id);
    const ok = await invoke(markNotificationReadAction, formData({ id: String(mine) }));
    expect(ok).toMatchObject({ kind: "ok" });
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: mine } })).readAt,
    ).not.toBeNull();
    // Again: still fine, nothing changes.
    const before = await fingerprint();
    expect(await invoke(markNotificationReadAction, formData({ id: String(mine) }))).toMatchObject({
      kind: "ok",
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);

    const refused = await invoke(markNotificationReadAction, formData({ id: String(theirs) }));
    expect(refused).toMatchObject({
      kind: "error",
      state: { message: "That notification does not exist or is not visible to you." },
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs } })).readAt).toBeNull();
  });

  it("refuses a malformed id and a signed-out caller, changing nothing", async () => {
    const { ada } = await people();
    const [mine] = await notificationsFor(ada.id, 1);
    const before = await fingerprint();
    expect(await invoke(markNotificationReadAction, formData({ id: String(mine) }))).toMatchObject({
      kind: "error",
      state: { message: "Your session has ended. Sign in again." },
    });
    actAs(ada.id);
    for (const id of ["", "0", "-1", "1e3", "abc", "12345678901234567890"])
      expect(await invoke(markNotificationReadAction, formData({ id })), id).toMatchObject({
        kind: "error",
        state: { fieldErrors: { id: ["Choose a notification"] } },
      });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("marks all the person's unread ones read, up to the newest the page showed", async () => {
    const { ada, bob } = await people();
    const ids = await notificationsFor(ada.id, 4);
    await notificationsFor(bob.id, 2);
    actAs(ada.id);
    // The page showed the first three; the fourth arrived after.
    const outcome = await invoke(
      markAllNotificationsReadAction,
      formData({ upTo: String(ids[2]) }),
    );
    expect(outcome).toMatchObject({
      kind: "ok",
      state: { message: "Marked 3 notifications as read." },
    });
    const unread = await db.notification.findMany({
      where: { readAt: null },
      select: { userId: true, id: true },
    });
    expect(unread).toEqual(expect.arrayContaining([{ userId: ada.id, id: ids[3] }]));
    expect(unread.filter((n) => n.userId === bob.id)).toHaveLength(2);
    expect(unread).toHaveLength(3);
    expect(
      await invoke(markAllNotificationsReadAction, formData({ upTo: String(ids[2]) })),
    ).toMatchObject({ kind: "ok", state: { message: "All caught up." } });
  });
});

describe("opening a notification", () => {
  const open = (id: string) => OpenNotificationPage({ params: Promise.resolve({ id }) });
  const outcome = async (id: string) => {
    try {
      await open(id);
      return "rendered";
    } catch (error) {
      return String((error as { digest?: unknown }).digest ?? error);
    }
  };

  it("marks it read and goes to its record", async () => {
    const { ada } = await people();
    const [id] = await notificationsFor(ada.id, 1);
    actAs(ada.id);
    expect(await outcome(String(id))).toMatch(/^NEXT_REDIRECT;replace;\/people\/\d+;307;/);
    expect((await db.notification.findUniqueOrThrow({ where: { id } })).readAt).not.toBeNull();
  });

  it("answers 404 for someone else's notification or a bad id, and marks nothing", async () => {
    const { ada, bob } = await people();
    const [theirs] = await notificationsFor(bob.id, 1);
    actAs(ada.id);
    for (const id of [String(theirs), "0", "abc", "99999999"])
      expect(await outcome(id), id).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs } })).readAt).toBeNull();
  });
});
