import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import type { JobContext } from "@/lib/server/jobs/handlers";
import { startJobs, type RunningJobs } from "@/lib/server/jobs/runner";
import { mailerFromEnv } from "@/lib/server/mail";
import { resetDatabase } from "../../setup/db";
import type { MailSink } from "../../support/mail-sink";

// The real queue's rows (pg-boss on the test database), for tests to inspect and reset.
async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Forgets every job (resetDatabase() clears the app's tables, not the queue's). */
export async function clearQueue() {
  await query(`DELETE FROM pgboss.job`);
  await query(`DELETE FROM pgboss.archive`).catch(() => {});
  await query(`DELETE FROM pgboss.schedule`);
}

export type JobRow = { id: string; name: string; data: unknown; state: string; output: unknown };

export async function jobsIn(queue: string): Promise<JobRow[]> {
  return query<JobRow>(
    `SELECT id, name, data, state::text, output FROM pgboss.job WHERE name = $1 ORDER BY created_on, id`,
    [queue],
  );
}

/** Polls `check` until it holds (up to `ms`), for work the queue does in the background. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting for the queue");
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Sink = { clear: () => void; close: () => Promise<void> };

/**
 * A test file that runs the real workers against a sink (SMTP, or the chat stand-in): starts the
 * sink once, gives each test an empty database and queue, and stops the workers after each.
 * `work()` starts them (no schedules, fast polling) with the given mailer and clock.
 */
export function workerWorld<S extends Sink>(startSink: () => Promise<S>) {
  const world = {
    sink: undefined as unknown as S,
    running: null as RunningJobs | null,
    async work(context: Partial<JobContext> = {}) {
      world.running = await startJobs({ schedule: false, context, pollingIntervalSeconds: 0.5 });
      return world.running;
    },
    /** Stops the workers: at once, or (graceful) as SIGTERM does, finishing the jobs in hand. */
    async stop(graceful = false) {
      await world.running?.stop(graceful);
      world.running = null;
    },
  };
  beforeAll(async () => {
    world.sink = await startSink();
  });
  afterAll(async () => {
    await world.stop();
    await world.sink.close();
  });
  beforeEach(async () => {
    await world.stop();
    await resetDatabase();
    await clearQueue();
    world.sink.clear();
  });
  return world;
}

/** The app's mailer, pointed at the test's SMTP server. */
export const sinkMailer = (sink: MailSink) =>
  mailerFromEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.smtpPort),
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@example.test>",
  });
