import "server-only";
import { QUEUE_NAMES, SCHEDULES, type QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/server/log";
import { mailerFromEnv } from "@/lib/server/mail";
import { HANDLERS, type JobContext } from "./handlers";
import { newQueue } from "./queue";

// Runs the queue's jobs in this process: the app server by default (instrumentation.ts), or
// `npm run worker` beside servers started with JOBS_IN_SERVER=0. Every instance may run one:
// pg-boss hands each job to one worker (SELECT … FOR UPDATE SKIP LOCKED), and only one instance
// fires each schedule.
export type RunningJobs = { stop: (graceful?: boolean) => Promise<void> };

/** Workers per queue and jobs per fetch: emails go out several at a time, the rest one by one. */
const CONCURRENCY: Partial<Record<QueueName, { workers: number; batchSize: number }>> = {
  "notification-email": { workers: Number(process.env.JOBS_EMAIL_WORKERS ?? 6), batchSize: 25 },
  "channel-post": { workers: 2, batchSize: 5 },
};

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function startJobs(
  opts: { schedule?: boolean; context?: Partial<JobContext>; pollingIntervalSeconds?: number } = {},
): Promise<RunningJobs> {
  const ctx: JobContext = {
    mailer:
      opts.context?.mailer ??
      mailerFromEnv(process.env, { pool: Number(process.env.SMTP_CONNECTIONS ?? 16) }),
    now: opts.context?.now ?? (() => new Date()),
  };
  const boss = newQueue();
  let stopping = false;
  // pg's errors carry their whole client: log the message, not the object.
  boss.on("error", (err) => logger.error({ error: messageOf(err) }, "job queue"));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    const handler = HANDLERS[name];
    if (!handler) continue;
    const { workers = 1, batchSize = 1 } = CONCURRENCY[name] ?? {};
    for (let i = 0; i < workers; i++) {
      // pg-boss waits out the polling interval after every fetch; a full batch means more is
      // waiting, so the worker is woken to fetch again at once (a digest of 50,000 emails goes
      // out at the pace of the sends, not of the polling).
      let workerId: string | null = null;
      const more = (jobs: unknown[]) => {
        if (jobs.length === batchSize && workerId && !stopping) boss.notifyWorker(workerId);
      };
      workerId = await boss.work<Record<string, unknown>>(
        name,
        { batchSize, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          // When the process is stopping, the jobs not started go back to the queue untouched
          // (pg-boss would otherwise complete them with the batch).
          const giveBack = async (from: number) => {
            const rest = jobs.slice(from).map((j) => j.id);
            await boss.cancel(name, rest);
            await boss.resume(name, rest);
          };
          // A job that fails is failed alone (retried with backoff, shown on /admin/jobs once
          // out of retries) and the batch goes on; pg-boss completes the rest.
          const fail = async (id: string, err: unknown) => {
            logger.warn({ queue: name, job: id, error: messageOf(err) }, "job failed");
            await boss.fail(name, id, { message: messageOf(err) });
          };
          if (stopping) return giveBack(0);
          if ("batch" in handler) {
            const outcomes = await handler.batch(
              jobs.map((j) => j.data ?? {}),
              ctx,
            );
            for (const [i, job] of jobs.entries()) if (outcomes[i]) await fail(job.id, outcomes[i]);
            return more(jobs);
          }
          for (const [i, job] of jobs.entries()) {
            if (stopping) return giveBack(i);
            try {
              await handler(job.data ?? {}, ctx);
            } catch (err) {
              await fail(job.id, err);
            }
          }
          more(jobs);
        },
      );
    }
  }
  if (opts.schedule !== false)
    for (const [name, cron] of Object.entries(SCHEDULES))
      await boss.schedule(name, cron, {}, { tz: "UTC" });
  return {
    stop: async (graceful = true) => {
      stopping = true;
      await boss.stop({ graceful, wait: true, timeout: 30_000 });
      ctx.mailer?.close?.();
    },
  };
}

/**
 * The app server's share (instrumentation.ts): the workers and schedules, unless JOBS_IN_SERVER=0;
 * on SIGTERM or SIGINT the jobs in hand finish first. A queue that cannot start is logged, and the
 * server serves anyway: what it queues waits for a worker.
 */
export async function startServerJobs(): Promise<void> {
  if (process.env.JOBS_IN_SERVER === "0") return;
  try {
    const jobs = await startJobs();
    for (const signal of ["SIGTERM", "SIGINT"] as const)
      process.once(signal, () => void jobs.stop(true));
  } catch (err) {
    logger.error(
      { error: messageOf(err) },
      "the job queue did not start: notifications wait until it does",
    );
  }
}
