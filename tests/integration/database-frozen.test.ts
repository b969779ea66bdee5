// PostgreSQL that stops answering without closing its connections (SIGSTOP: a hung host, a
// stalled disk): every request still answers within about 5 s (503 with Retry-After), /healthz
// within 2 s, the app recovers by itself once the server resumes, and every acknowledged write
// is stored exactly once. Also the three budgets one by one: a statement, a lock wait, a
// connection whose backend froze inside a transaction. A server of its own (it is frozen
// mid-test), apart from the run's database.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { freezePostgres, thawPostgres } from "../support/postgres-processes";

// Only the session lookup is replaced (the person is still loaded from the database).
vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

const dataDir = path.resolve(process.env.FROZEN_PG_DIR ?? ".data/pg-frozen");
const port = Number(process.env.FROZEN_PG_PORT ?? 54332);
let server: EmbeddedServer;
let frozen: number[] = [];

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, port });
  await ensureDatabase(server.url("postgres"), "frozen");
  process.env.DATABASE_URL = server.url("frozen");
  await migrate(process.env.DATABASE_URL);
}, 120_000);

afterAll(async () => {
  thawPostgres(frozen);
  const { db } = await import("@/lib/db/client");
  await Promise.race([db.$disconnect().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  await server?.stop();
}, 30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed<T>(
  run: () => Promise<T>,
): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await run();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

async function newGuardian() {
  const { db } = await import("@/lib/db/client");
  const { actAs } = await import("./action-harness");
  const user = await db.user.create({
    data: { email: `frozen-${randomUUID()}@example.test`, name: "Frozen", roles: ["GUARDIAN"] },
  });
  actAs(user.id);
  return user;
}

/** Whether a backend with this pid still exists (a closed connection's backend exits). */
async function backendAlive(pid: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

describe("the database budgets, one at a time", () => {
  it("a long job's own connection (import, export, seed, migrations) is not cut by the request budget", async () => {
    const { jobClient } = await import("@/lib/db/connections");
    const client = jobClient(process.env.DATABASE_URL!);
    await client.connect();
    try {
      const settings = await client.query<{ statement: string; lock: string }>(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock",
      );
      expect(settings.rows[0]).toEqual({ statement: "1h", lock: "1h" });
      // Longer than a request's statement timeout (3 s), which cancels it (test below).
      await client.query("SELECT pg_sleep(3.5)");
    } finally {
      await client.end();
    }
  }, 20_000);

  it("the dashboards' fact queries have a pool and a longer budget of their own", async () => {
    const { reportDb } = await import("@/lib/db/client");
    const [settings] = await reportDb.$queryRaw<{ statement: string }[]>`
      SELECT current_setting('statement_timeout') AS statement`;
    expect(settings.statement).toBe("15s");
    // Longer than a request's statement timeout (3 s), which cancels it (next test).
    expect(await reportDb.$queryRaw`SELECT 1 AS one FROM pg_sleep(3.5)`).toEqual([{ one: 1 }]);
  }, 20_000);

  it("a statement running past the statement timeout is cancelled and answers as unavailable", async () => {
    const { db } = await import("@/lib/db/client");
    const { failureOf } = await import("@/lib/server/failure");
    const run = await timed(() => db.$queryRaw`SELECT pg_sleep(10)`);
    expect(run.error).toBeDefined();
    expect(failureOf(run.error).code).toBe("database_unavailable");
    expect(run.ms).toBeGreaterThanOrEqual(2_500);
    expect(run.ms).toBeLessThan(4_500);
    // The server cancelled the statement; the connection and the pool are fine.
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  }, 20_000);

  it("a statement waiting for a lock gives up after the lock timeout, as unavailable", async () => {
    const { db } = await import("@/lib/db/client");
    const { failureOf } = await import("@/lib/server/failure");
    const user = await newGuardian();
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "User" WHERE id = $1 FOR UPDATE`, [user.id]);
      const run = await timed(() =>
        db.user.update({ where: { id: user.id }, data: { name: "Renamed" } }),
      );
      expect(run.error).toBeDefined();
      expect(failureOf(run.error).code).toBe("database_unavailable");
      expect(run.ms).toBeGreaterThanOrEqual(1_500);
      expect(run.ms).toBeLessThan(3_000);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await db.user.findUnique({ where: { id: user.id } }))?.name).toBe("Frozen");
  }, 20_000);

  it("a transaction whose backend froze gives up in time, and its connection is closed, never reused", async () => {
    const { db } = await import("@/lib/db/client");
    const { failureOf } = await import("@/lib/server/failure");
    const user = await newGuardian();
    let backend = 0;
    const run = await timed(() =>
      db.$transaction(async (tx) => {
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        backend = pid;
        await tx.user.update({ where: { id: user.id }, data: { name: "Half-written" } });
        process.kill(pid, "SIGSTOP");
        frozen = [pid];
        await tx.$queryRaw`SELECT 1`;
      }),
    );
    expect(run.error).toBeDefined();
    expect(failureOf(run.error).code).toBe("database_unavailable");
    expect(run.ms).toBeLessThan(5_000);
    thawPostgres(frozen);
    frozen = [];
    // The client closed that connection: once awake, its backend finds the socket closed, rolls
    // the transaction back and exits. Were it back in the pool, it would stay "idle in transaction".
    let alive = true;
    for (let i = 0; alive && i < 40; i++) {
      await sleep(100);
      alive = await backendAlive(backend);
    }
    expect(alive).toBe(false);
    expect((await db.user.findUnique({ where: { id: user.id } }))?.name).toBe("Frozen");
    const pids = await Promise.all(
      Array.from({ length: 12 }, () =>
        db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`.then((r) => r[0].pid),
      ),
    );
    expect(pids).not.toContain(backend);
  }, 30_000);
});

type Answer = {
  key: string;
  day: number;
  status: number;
  retryAfter: string | null;
  code?: string;
  ms: number;
  at: number;
};

describe("a frozen database under load", () => {
  it("answers every request within about 5 s, /healthz within 2 s, recovers by itself, keeps each acknowledged write once", async () => {
    const { db } = await import("@/lib/db/client");
    const { POST } = await import("@/app/api/activities/route");
    const { healthResponse: health } = await import("@/lib/server/health");
    const { jsonPost } = await import("./action-harness");
    const user = await newGuardian();

    const logHours = async (key: string, day: number): Promise<Answer> => {
      const started = Date.now();
      const res = await POST(
        jsonPost(
          "/api/activities",
          JSON.stringify({
            date: new Date(Date.now() - (day % 300) * 86_400_000).toISOString().slice(0, 10),
            hours: 0.25,
            type: "OTHER",
            idempotencyKey: key,
          }),
        ),
      );
      const body = (await res.json()) as { code?: string };
      return {
        key,
        day,
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        code: body.code,
        ms: Date.now() - started,
        at: started,
      };
    };

    const answers: Answer[] = [];
    const checks: { status: number; ms: number; at: number }[] = [];
    let freezeAt = Infinity;
    let thawAt = Infinity;
    const stopAt = Date.now() + 19_000;
    const worker = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const answer = await logHours(randomUUID(), w * 41 + i);
        answers.push(answer);
        if (answer.status >= 500) await sleep(100);
      }
    };
    const healthChecks = async () => {
      while (Date.now() < stopAt) {
        const started = Date.now();
        const res = await health();
        checks.push({ status: res.status, ms: Date.now() - started, at: started });
        await sleep(250);
      }
    };
    const outage = async () => {
      await sleep(3_000);
      frozen = freezePostgres(dataDir);
      freezeAt = Date.now();
      await sleep(8_000);
      thawPostgres(frozen);
      frozen = [];
      thawAt = Date.now();
    };
    await Promise.all([
      outage(),
      healthChecks(),
      ...Array.from({ length: 16 }, (_, w) => worker(w)),
    ]);

    const during = answers.filter((a) => a.at >= freezeAt && a.at + a.ms <= thawAt);
    const failed = answers.filter((a) => a.status !== 200 && a.status !== 201);
    // Requests were refused during the outage, each as 503 + Retry-After, none hung.
    expect(during.length).toBeGreaterThan(8);
    expect(during.every((a) => a.status === 503)).toBe(true);
    expect(failed.map((a) => `${a.status} ${a.code} ${a.retryAfter}`)).toEqual(
      failed.map(() => "503 database_unavailable 5"),
    );
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);
    // The load balancer's check says "down" within 2 s while frozen, "up" again afterwards.
    const checksDuring = checks.filter((c) => c.at >= freezeAt && c.at + c.ms <= thawAt);
    expect(checksDuring.length).toBeGreaterThan(3);
    expect(checksDuring.every((c) => c.status === 503)).toBe(true);
    expect(Math.max(...checks.map((c) => c.ms))).toBeLessThan(2_000);
    expect(checks.at(-1)!.status).toBe(200);
    // Recovered by itself: the last seconds of load all succeed.
    const late = answers.filter((a) => a.at >= thawAt + 3_000);
    expect(late.length).toBeGreaterThan(8);
    expect(late.filter((a) => a.status >= 500)).toEqual([]);

    // Every acknowledged write is stored exactly once; a refused one at most once.
    const stored = await db.activityEntry.groupBy({
      by: ["idempotencyKey"],
      where: { userId: user.id },
      _count: true,
    });
    const count = new Map(stored.map((s) => [s.idempotencyKey, s._count]));
    const acked = answers.filter((a) => a.status === 201);
    expect(acked.filter((a) => count.get(a.key) !== 1)).toEqual([]);
    expect(failed.filter((a) => (count.get(a.key) ?? 0) > 1)).toEqual([]);
    expect(stored.filter((s) => s._count !== 1)).toEqual([]);
    // Retrying the refused ones (same key) stores each exactly once.
    for (const a of failed) expect([200, 201]).toContain((await logHours(a.key, a.day)).status);
    const after = await db.activityEntry.count({ where: { userId: user.id } });
    expect(after).toBe(acked.length + failed.length);
  }, 60_000);
});
