import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// Only the session lookup is replaced (the person is still loaded from the database).
vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

// PostgreSQL is restarted while hours are being logged: requests during the outage fail fast
// with a clear error, the app recovers by itself, and every acknowledged write exists once.
// A server of its own (it is stopped mid-test), apart from the run's database.
const dataDir = path.resolve(process.env.FAULT_PG_DIR ?? ".data/pg-fault");
const port = Number(process.env.FAULT_PG_PORT ?? 54331);
let server: EmbeddedServer;

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, port });
  await ensureDatabase(server.url("postgres"), "fault");
  process.env.DATABASE_URL = server.url("fault");
  await migrate(process.env.DATABASE_URL);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await Promise.race([db.$disconnect().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  await server?.stop();
}, 30_000);

describe("a database restart under load", () => {
  it("answers clearly during the outage, recovers, and keeps every acknowledged write exactly once", async () => {
    const { db } = await import("@/lib/db/client");
    const { loadActor } = await import("@/lib/auth/session");
    const { logActivity } = await import("@/lib/server/activity/service");
    const { isDatabaseUnavailable } = await import("@/lib/server/failure");
    const email = `fault-${Date.now()}@example.test`;
    const user = await db.user.create({
      data: { email, name: "Fault Tester", roles: ["GUARDIAN"] },
    });
    const actor = (await loadActor(user.id))!;

    const acked: string[] = [];
    const failures: { ms: number; unavailable: boolean; message: string }[] = [];
    let restartedAt = Infinity;
    const successesAfterRestart: number[] = [];
    const started = Date.now();
    const deadline = started + 9_000;
    const worker = async (w: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const key = randomUUID();
        const date = new Date(Date.now() - ((w * 37 + i) % 300) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const t = Date.now();
        try {
          await logActivity(actor, {
            date,
            hours: 0.25,
            type: "OTHER",
            link: null,
            note: null,
            idempotencyKey: key,
          });
          acked.push(key);
          if (t > restartedAt) successesAfterRestart.push(t);
        } catch (error) {
          failures.push({
            ms: Date.now() - t,
            unavailable: isDatabaseUnavailable(error),
            message: (error as Error).message.slice(0, 120),
          });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 2_000));
      await server.stop();
      await new Promise((r) => setTimeout(r, 2_000));
      server = await startEmbeddedPostgres({ dataDir, port });
      restartedAt = Date.now();
    })();
    await Promise.all([outage, ...Array.from({ length: 6 }, (_, w) => worker(w))]);

    expect(failures.length).toBeGreaterThan(0);
    // Every failure is recognised as the database being down, and none hung.
    expect([...new Set(failures.filter((f) => !f.unavailable).map((f) => f.message))]).toEqual([]);
    expect(Math.max(...failures.map((f) => f.ms))).toBeLessThan(10_000);
    expect(successesAfterRestart.length).toBeGreaterThan(0);
    const rows = await db.activityEntry.findMany({
      where: { userId: user.id },
      select: { idempotencyKey: true },
    });
    const stored = rows.map((r) => r.idempotencyKey!);
    const ackedSet = new Set(acked);
    expect(stored.filter((k) => ackedSet.has(k)).length).toBe(acked.length);
    expect(new Set(stored).size).toBe(stored.length);
  }, 60_000);
});

describe("POST /api/activities while the database is down", () => {
  it("answers 503 with Retry-After quickly, then 201 once PostgreSQL is back, with nothing saved meanwhile", async () => {
    const { db } = await import("@/lib/db/client");
    const { actAs, jsonPost } = await import("./action-harness");
    const { POST } = await import("@/app/api/activities/route");
    const user = await db.user.create({
      data: { email: `http-${Date.now()}@example.test`, name: "HTTP Tester", roles: ["GUARDIAN"] },
    });
    actAs(user.id);
    const post = async (idempotencyKey: string) => {
      const started = Date.now();
      const res = await POST(
        jsonPost(
          "/api/activities",
          JSON.stringify({
            date: new Date().toISOString().slice(0, 10),
            hours: 0.25,
            type: "OTHER",
            idempotencyKey,
          }),
        ),
      );
      return {
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        body: await res.json(),
        ms: Date.now() - started,
      };
    };

    expect((await post(randomUUID())).status).toBe(201);
    await server.stop();
    const during = randomUUID();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(during);
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(Number(res.retryAfter)).toBeGreaterThan(0);
        expect(res.body.error).toBe(
          "The database is unavailable. Nothing was saved; try again in a moment.",
        );
        // Bounded by the pool's connection timeout (5 s), not a hang.
        expect(res.ms).toBeLessThan(7_000);
      }
    } finally {
      server = await startEmbeddedPostgres({ dataDir, port });
    }
    // Recovers by itself: connections broken by the restart are replaced within a few tries.
    let after = await post(during);
    for (let i = 0; after.status === 503 && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await post(during);
    }
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect((await post(during)).status).toBe(200);
    expect(
      await db.activityEntry.count({ where: { userId: user.id, idempotencyKey: during } }),
    ).toBe(1);
  }, 60_000);
});
