import pg from "pg";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db/client";

import { type Mailer } from "@/lib/server/mail";
import { prepareDailyDigests } from "@/lib/server/notifications/digest";
import { notify } from "@/lib/server/notifications/notify";
import { createUser } from "../../factories";

import { startMailSink } from "../../support/mail-sink";
import { jobsIn, sinkMailer, waitFor, workerWorld } from "./queue-helpers";

// The notification core on the real queue (pg-boss on the test database) and a real SMTP server.
const workers = workerWorld(startMailSink);

const work = (mailer: Mailer | null = sinkMailer(workers.sink)) => workers.work({ mailer });

const belt = (userIds: number[], key = "belt:1") => ({
  kind: "BELT_AWARDED" as const,
  userIds,
  title: "You earned the Yellow belt",
  body: "Well done.",
  link: "/belts",
  eventKey: key,
});

describe("notify()", () => {
  it("writes the notification, its outbox email and its job in the caller's transaction", async () => {
    const person = await createUser(["GUARDIAN"]);
    await db.$transaction((tx) => notify(tx, belt([person.id])));
    const [n] = await db.notification.findMany({ where: { userId: person.id } });
    expect(n).toMatchObject({ kind: "BELT_AWARDED", link: "/belts", readAt: null });
    expect(n.emailId).not.toBeNull();
    expect(await jobsIn("notification-email")).toEqual([
      expect.objectContaining({ data: { emailId: n.emailId!.toString() }, state: "created" }),
    ]);
  });

  it("notifies nobody when the change rolls back", async () => {
    const person = await createUser(["GUARDIAN"]);
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, belt([person.id]));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notification.count()).toBe(0);
    expect(await db.notificationEmail.count()).toBe(0);
    expect(await jobsIn("notification-email")).toEqual([]);
  });

  it("notifies a person once per event, and never a deactivated account", async () => {
    const person = await createUser(["GUARDIAN"]);
    const gone = await createUser(["GUARDIAN"]);
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await db.$transaction((tx) => notify(tx, belt([person.id, person.id, gone.id])));
    const again = await db.$transaction((tx) => notify(tx, belt([person.id])));
    expect(again).toEqual([]);
    expect(await db.notification.count()).toBe(1);
    expect(await db.notificationEmail.count()).toBe(1);
  });

  it("follows each person's choice: off settles it, daily digest leaves it for the digest", async () => {
    const off = await createUser(["GUARDIAN"]);
    const digest = await createUser(["GUARDIAN"]);
    await db.notificationPreference.createMany({
      data: [
        { userId: off.id, kind: "BELT_AWARDED", email: "OFF" },
        { userId: digest.id, kind: "BELT_AWARDED", email: "DIGEST" },
      ],
    });
    await db.$transaction((tx) => notify(tx, belt([off.id, digest.id])));
    const rows = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(rows.map((r) => [r.userId, r.emailId, r.emailedAt !== null])).toEqual([
      [off.id, null, true],
      [digest.id, null, false],
    ]);
    expect(await jobsIn("notification-email")).toEqual([]);
  });
});

describe("email delivery through the queue", () => {
  it("sends an immediate notification once, with a plain-text part and one-click unsubscribe", async () => {
    const person = await createUser(["GUARDIAN"], { email: "ada@example.test" });
    await db.$transaction((tx) => notify(tx, belt([person.id])));
    await work();
    await waitFor(async () => (await db.notificationEmail.findFirst())?.status === "SENT");
    const [message] = workers.sink.to("ada@example.test");
    expect(message.subject).toBe("You earned the Yellow belt");
    expect(message.text).toContain("http://localhost:3000/belts");
    expect(message.html).toContain('href="http://localhost:3000/belts"');
    expect(message.headers["list-unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3000\/api\/unsubscribe\/\d+\.BELT_AWARDED\.[\w-]{32}>$/,
    );
    expect(message.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(message.headers["message-id"]).toMatch(/^<notification-email-\d+@localhost>$/);
    // A second job for the same email (a duplicate or a retry after success) sends nothing.
    const email = await db.notificationEmail.findFirstOrThrow();
    const { enqueueNow } = await import("@/lib/server/jobs/queue");
    await enqueueNow([{ name: "notification-email", data: { emailId: email.id.toString() } }]);
    await waitFor(async () =>
      (await jobsIn("notification-email")).every((j) => j.state === "completed"),
    );
    expect(workers.sink.to("ada@example.test")).toHaveLength(1);
    expect((await db.notification.findFirstOrThrow()).emailedAt).not.toBeNull();
  });

  it("records a failed send on the outbox row and leaves the job to be retried", async () => {
    const person = await createUser(["GUARDIAN"]);
    await db.$transaction((tx) => notify(tx, belt([person.id])));
    const failing: Mailer = {
      from: "x",
      send: async () => {
        throw new Error("550 mailbox unavailable");
      },
    };
    await work(failing);
    await waitFor(async () => (await jobsIn("notification-email"))[0]?.state === "retry");
    expect(await db.notificationEmail.findFirstOrThrow()).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "550 mailbox unavailable",
    });
    // The retry (its backoff brought forward, as the clock would) succeeds.
    await workers.stop();
    await pgQuery(`UPDATE pgboss.job SET start_after = now() WHERE state = 'retry'`);
    await work();
    await waitFor(async () => (await db.notificationEmail.findFirst())?.status === "SENT");
    expect(workers.sink.to()).toHaveLength(1);
    expect((await db.notificationEmail.findFirstOrThrow()).attempts).toBe(2);
  });

  it("loses and duplicates nothing when the worker stops in the middle of a batch", async () => {
    const people = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        createUser(["GUARDIAN"], { email: `p${i}@example.test` }),
      ),
    );
    await db.$transaction((tx) => notify(tx, belt(people.map((p) => p.id))));
    const real = sinkMailer(workers.sink)!;
    const slow: Mailer = {
      ...real,
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 25));
        return real.send(m);
      },
    };
    await work(slow);
    await waitFor(async () => workers.sink.to().length >= 5);
    await workers.stop(true); // as SIGTERM does: the emails in hand finish, the rest wait
    const afterStop = workers.sink.to().length;
    expect(afterStop).toBeLessThan(200);
    await work();
    await waitFor(async () => workers.sink.to().length >= 200);
    await new Promise((r) => setTimeout(r, 500));
    const perPerson = new Map<string, number>();
    for (const m of workers.sink.to())
      for (const to of m.to) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    expect(perPerson.size).toBe(200);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(await db.notificationEmail.count({ where: { status: "SENT" } })).toBe(200);
  });
});

describe("the daily digest", () => {
  it("gathers each person's waiting notifications into one email, once", async () => {
    const ada = await createUser(["GUARDIAN"], { email: "ada@example.test" });
    const bob = await createUser(["GUARDIAN"], { email: "bob@example.test" });
    const rated = (key: string, who: number[]) => ({
      kind: "GUARDIAN_RATED" as const, // daily digest by default
      userIds: who,
      title: `Your input was rated (${key})`,
      link: "/feedback",
      eventKey: key,
    });
    await db.$transaction(async (tx) => {
      await notify(tx, rated("r1", [ada.id, bob.id]));
      await notify(tx, rated("r2", [ada.id]));
    });
    const now = new Date(Date.now() + 1000);
    expect(await prepareDailyDigests(now)).toEqual({ digests: 2, queued: 2 });
    await work();
    await waitFor(async () => workers.sink.to().length >= 2);
    const [forAda] = workers.sink.to("ada@example.test");
    expect(forAda.subject).toMatch(/^Your Guardians digest for \d{4}-\d{2}-\d{2}: 2 updates$/);
    expect(forAda.text).toContain("Your input was rated (r1)");
    expect(forAda.text).toContain("Your input was rated (r2)");
    expect(forAda.headers["list-unsubscribe"]).toMatch(/\/api\/unsubscribe\/\d+\.digest\./);
    // The same day again: nothing new to send.
    await waitFor(
      async () => (await db.notificationEmail.count({ where: { status: "SENT" } })) === 2,
    );
    expect(await prepareDailyDigests(now)).toEqual({ digests: 0, queued: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(workers.sink.to()).toHaveLength(2);
  });
});

async function pgQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
