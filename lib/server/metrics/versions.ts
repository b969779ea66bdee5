import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";

// The versions of the data the dashboards read, kept by the database itself: triggers bump
// "MetricsVersion" in the same transaction as every write (prisma/migrations/…_metrics_versions),
// whoever writes. Figures are cached under these versions (./cache.ts), so a change reaches
// the next reader without any writer having to say so.

export type MetricsVersions = {
  /** Every table but the hours, with today's date (the current quarter ends today). */
  data: string;
  /** The hours of the given quarters ("2026-Q4"). */
  activity: (quarters: string[]) => string;
};

/**
 * The versions, read once per page render (React's cache: the overview's figures, risk budgets
 * and outliers share one read); elsewhere every call reads.
 */
export const metricsVersions = cache((): Promise<MetricsVersions> => readVersions(new Date()));

/** Today's date (UTC), the database's epoch and the sum of every version, in one small read. */
async function readVersions(now: Date): Promise<MetricsVersions> {
  const rows = await db.$queryRaw<{ topic: string; bucket: string; version: bigint }[]>`
    SELECT topic, bucket, sum(version)::bigint AS version FROM "MetricsVersion" GROUP BY topic, bucket`;
  const epoch = rows.find((r) => r.topic === "epoch")?.bucket ?? "none";
  let data = 0n;
  const hours = new Map<string, bigint>();
  for (const r of rows) {
    if (r.topic === "epoch") continue;
    if (r.topic === "ActivityEntry") hours.set(r.bucket, r.version);
    else data += r.version;
  }
  const day = now.toISOString().slice(0, 10);
  const truncated = hours.get("*") ?? 0n;
  return {
    data: `${epoch}|${day}|${data}`,
    activity: (quarters) =>
      `${epoch}|${day}|${truncated}|${quarters.map((q) => `${q}:${hours.get(q) ?? 0n}`).join(",")}`,
  };
}
