import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { QUEUE_NAMES, type QueueName } from "@/lib/jobs/queues";
import { audit } from "@/lib/server/audit";
import { DomainError, PermissionError } from "@/lib/server/errors";
import type { RetryJobInput } from "@/lib/validations/jobs";
import { inTransaction, queueClient } from "./queue";

// What admins see of the job queue (/admin/jobs): each queue's jobs by state, and the jobs that
// failed for good (out of retries) with their error, to be retried by hand once the cause is
// fixed (SMTP settings, a webhook URL).
export const FAILED_PAGE_SIZE = 25;

export type QueueSummary = {
  queue: QueueName;
  waiting: number;
  retrying: number;
  active: number;
  failed: number;
  completedToday: number;
};

function assertAdmin(actor: SessionActor) {
  if (!can(actor, "jobs.manage")) throw new PermissionError();
}

export async function queueSummaries(actor: SessionActor): Promise<QueueSummary[]> {
  assertAdmin(actor);
  const rows = await db.$queryRaw<
    { name: string; state: string; n: number; today: number }[]
  >`SELECT name, state::text, count(*)::int AS n,
      count(*) FILTER (WHERE completed_on > now() - interval '1 day')::int AS today
    FROM pgboss.job GROUP BY name, state`;
  return QUEUE_NAMES.map((queue) => {
    const of = (state: string) =>
      rows.find((r) => r.name === queue && r.state === state) ?? { n: 0, today: 0 };
    return {
      queue,
      waiting: of("created").n,
      retrying: of("retry").n,
      active: of("active").n,
      failed: of("failed").n,
      completedToday: of("completed").today,
    };
  });
}

export type FailedJob = {
  id: string;
  queue: string;
  data: unknown;
  error: string;
  attempts: number;
  createdOn: Date;
  failedOn: Date | null;
};

/** Jobs out of retries and those waiting for a retry, newest first, one page at a time. */
export async function failedJobs(
  actor: SessionActor,
  state: "failed" | "retry",
  page: number,
): Promise<{ jobs: FailedJob[]; total: number; pages: number }> {
  assertAdmin(actor);
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM pgboss.job WHERE state = ${state}::pgboss.job_state`;
  const pages = Math.max(1, Math.ceil(total / FAILED_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      data: unknown;
      output: unknown;
      retryCount: number;
      createdOn: Date;
      completedOn: Date | null;
    }[]
  >`SELECT id::text, name, data, output, retry_count AS "retryCount", created_on AS "createdOn",
      completed_on AS "completedOn"
    FROM pgboss.job WHERE state = ${state}::pgboss.job_state
    ORDER BY coalesce(completed_on, created_on) DESC, id
    LIMIT ${FAILED_PAGE_SIZE} OFFSET ${(current - 1) * FAILED_PAGE_SIZE}`;
  return {
    total,
    pages,
    jobs: rows.map((r) => ({
      id: r.id,
      queue: r.name,
      data: r.data,
      error: errorText(r.output),
      attempts: r.retryCount + 1,
      createdOn: r.createdOn,
      failedOn: r.completedOn,
    })),
  };
}

/** The message pg-boss kept for a failure (an Error's message, or what the handler threw). */
export function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output)
    return String((output as { message: unknown }).message);
  return output === null || output === undefined ? "(no error recorded)" : JSON.stringify(output);
}

/**
 * Puts a failed job (or every failed job of a queue) back in the queue for one more attempt,
 * now. Returns how many went back.
 */
export async function retryFailed(actor: SessionActor, input: RetryJobInput): Promise<number> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const ids = (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM pgboss.job
        WHERE name = ${input.queue} AND state = 'failed'
          AND (${input.id ?? null}::uuid IS NULL OR id = ${input.id ?? null}::uuid)
        FOR UPDATE`
    ).map((r) => r.id);
    if (ids.length === 0)
      throw new DomainError(
        input.id ? "That job is no longer failed: it was retried already." : "No failed jobs here.",
      );
    // pg-boss gives each one more attempt, at once.
    await queueClient().retry(input.queue, ids, { db: inTransaction(tx) });
    await audit(tx, {
      actorId: actor.id,
      action: "retry",
      entity: "Job",
      entityId: input.id ?? input.queue,
      after: { queue: input.queue, jobs: ids.length },
    });
    return ids.length;
  });
}
