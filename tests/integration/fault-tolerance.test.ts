import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// PostgreSQL is restarted while hours are being logged: requests during the outage fail fast
// with a clear error, the app recovers by itself, and every acknowledged write exists once.
const dataDir = path.resolve(".data/pg-fault");
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
    const { isDatabaseUnavailable } = await import("@/lib/server/api");
    const email = `fault-${Date.now()}@example.test`;
    const user = await db.user.create({ data: { email, name: "Fault Tester", roles: ["GUARDIAN"] } });
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
        const date = new Date(Date.now() - ((w * 37 + i) % 300) * 86_400_000).toISOString().slice(0, 10);
        const t = Date.now();
        try {
          await logActivity(actor, { date, hours: 0.25, type: "OTHER", link: null, note: null, idempotencyKey: key });
          acked.push(key);
          if (t > restartedAt) successesAfterRestart.push(t);
        } catch (error) {
          failures.push({ ms: Date.now() - t, unavailable: isDatabaseUnavailable(error), message: (error as Error).message.slice(0, 120) });
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
    const rows = await db.activityEntry.findMany({ where: { userId: user.id }, select: { idempotencyKey: true } });
    const stored = rows.map((r) => r.idempotencyKey!);
    const ackedSet = new Set(acked);
    expect(stored.filter((k) => ackedSet.has(k)).length).toBe(acked.length);
    expect(new Set(stored).size).toBe(stored.length);
  }, 60_000);
});
