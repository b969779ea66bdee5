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
  "notification-email": { workers: Number(process.env.JOBS_EMAIL_WORKERS ?? 4), batchSize: 25 },
  "channel-post": { workers: 2, batchSize: 5 },
};

export async function startJobs(
  opts: { schedule?: boolean; context?: Partial<JobContext>; pollingIntervalSeconds?: number } = {},
): Promise<RunningJobs> {
  const ctx: JobContext = {
    mailer: opts.context?.mailer ?? mailerFromEnv(process.env, { pool: 4 }),
    now: opts.context?.now ?? (() => new Date()),
  };
  const boss = newQueue();
  let stopping = false;
  boss.on("error", (err) => logger.error({ err }, "job queue"));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    const handler = HANDLERS[name];
    if (!handler) continue;
    const { workers = 1, batchSize = 1 } = CONCURRENCY[name] ?? {};
    for (let i = 0; i < workers; i++)
      await boss.work<Record<string, unknown>>(
        name,
        { batchSize, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          // One by one; a job that fails is failed alone (retried with backoff, shown on
          // /admin/jobs once out of retries) and the batch goes on. pg-boss completes the rest,
          // so when the process is stopping, the jobs not started go back to the queue first.
          for (const [i, job] of jobs.entries()) {
            if (stopping) {
              const rest = jobs.slice(i).map((j) => j.id);
              await boss.cancel(name, rest);
              await boss.resume(name, rest);
              return;
            }
            try {
              await handler(job.data ?? {}, ctx);
            } catch (err) {
              logger.warn({ err, queue: name, job: job.id }, "job failed");
              await boss.fail(name, job.id, {
                message: (err as Error).message ?? String(err),
              });
            }
          }
        },
      );
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
