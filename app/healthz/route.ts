import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/server/log";
import { warmState } from "@/lib/server/metrics/cache";

// For load balancers: 200 when the database answers, 503 otherwise. `dashboardCache` says
// whether the start-up warm-up of the program dashboard is done.
export async function GET() {
  await connection();
  const started = Date.now();
  try {
    const rows = await db.$queryRaw<
      { migrations: bigint }[]
    >`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return Response.json({
      status: "ok",
      database: "up",
      migrations: Number(rows[0]?.migrations ?? 0),
      latencyMs: Date.now() - started,
      dashboardCache: warmState(),
    });
  } catch (error) {
    logger.warn({ err: error }, "health check: database down");
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  }
}
