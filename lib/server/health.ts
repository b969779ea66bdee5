import "server-only";
import { db } from "@/lib/db/client";
import { renderGateStats } from "@/lib/http/render-gate";
import { RETRY_AFTER_SECONDS } from "@/lib/server/failure";
import { logger } from "@/lib/server/log";
import { warmState } from "@/lib/server/metrics/cache";

/** A load balancer's check must not wait on a frozen database: it says "down" within this. */
export const HEALTH_DEADLINE_MS = 1_500;

/** `work`, or a rejection once `ms` have passed (the work itself goes on, its outcome ignored). */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The answer of /healthz: 200 when the database answers within HEALTH_DEADLINE_MS, 503 with
 * Retry-After otherwise. `dashboardCache` says whether the start-up warm-up of the program
 * dashboard is done; `renders`, how many page renders run and wait their turn
 * (lib/http/render-gate.ts; null when the server admits every request at once).
 */
export async function healthResponse(): Promise<Response> {
  const started = Date.now();
  try {
    const rows = await withDeadline(
      db.$queryRaw<
        { migrations: bigint }[]
      >`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      HEALTH_DEADLINE_MS,
      "health check",
    );
    return Response.json(
      {
        status: "ok",
        database: "up",
        migrations: Number(rows[0]?.migrations ?? 0),
        latencyMs: Date.now() - started,
        dashboardCache: warmState(),
        renders: renderGateStats(),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    logger.warn({ err: error }, "health check: database down");
    return Response.json(
      { status: "error", database: "down" },
      {
        status: 503,
        headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) },
      },
    );
  }
}
