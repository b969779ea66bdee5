import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PgBoss } from "@/lib/jobs/pg-boss";
import { QUEUE_SCHEMA, type QueueName } from "@/lib/jobs/queues";
import { db } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/** A pg-boss instance on the app's database; workers start their own (lib/server/jobs/runner.ts). */
export function newQueue(): PgBoss {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  return new PgBoss({
    connectionString,
    schema: QUEUE_SCHEMA,
    max: Number(process.env.JOBS_POOL_SIZE ?? 4),
    migrate: false, // the migration runner installs it (lib/jobs/install.ts)
    application_name: "guardians-jobs",
  });
}

// Adding jobs needs no started queue: they are written through the app's own connections (the
// caller's transaction, or the pool), so this handle is never started.
const holder = globalThis as unknown as { guardiansQueue?: PgBoss };
export const queueClient = (): PgBoss => (holder.guardiansQueue ??= newQueue());

/** pg-boss's database interface over a Prisma client or transaction. */
export function inTransaction(tx: Tx) {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}

export type NewJob = {
  name: QueueName;
  data: Record<string, unknown>;
  singletonKey?: string;
  /** Not before this moment (or interval, e.g. "60 seconds"): a fallback for work tried at once. */
  startAfter?: Date | string;
};

/** Adds jobs in the caller's transaction: they run only if it commits. */
export async function enqueue(tx: Tx, jobs: NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queueClient().insert(jobs, { db: inTransaction(tx) });
}

/** Adds jobs outside any transaction (scheduled jobs fanning out their work), 1,000 at a time. */
export async function enqueueNow(jobs: NewJob[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 1000)
    await queueClient().insert(jobs.slice(i, i + 1000), { db: inTransaction(db) });
}
