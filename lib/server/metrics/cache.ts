import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { VersionedCache } from "@/lib/metrics/versioned-cache";
import { isoDay } from "@/lib/period";

// Dashboard figures are cached per process, keyed by the data version: the id of the latest
// audit-log row. Every change made through the app (and the importer) writes one. After a
// change, readers get the cached figures as they are for METRICS_REFRESH_AFTER_SECONDS (10),
// then while one background refresh computes new ones, for up to METRICS_MAX_STALE_SECONDS
// (60) after they were computed; `fresh: true` always waits for figures of the current data
// (used when a newsletter is published and frozen). Setting the maximum to 0 turns this off.
// Hour logging writes all day, so figures say which hours they read (`activities`): when every
// change since they were computed is an activity entry dated outside that range, they are kept
// under the new version as they are (see `unchangedSince`).
// Kept on globalThis: Next.js bundles instrumentation.ts (which warms the cache at start),
// route handlers and pages separately, and a module-level cache would be one per bundle.
const store = globalThis as typeof globalThis & { __guardiansMetricsCache?: VersionedCache };
const cache = (store.__guardiansMetricsCache ??= new VersionedCache(2_000));

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value * 1000 : 0;
}

/**
 * The data version: today's date (UTC: some figures count open work up to today) and the
 * latest audit record's id and time, such as `2026-12-01|5021@1796150000000`. The time tells a
 * re-seeded database (ids start again) from the one the figures were computed on.
 */
export async function dataVersion(): Promise<string> {
  const rows = await db.$queryRaw<{ v: string }[]>`
    SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|' ||
      coalesce((SELECT id::text || '@' || (extract(epoch FROM at) * 1000)::bigint::text FROM "AuditLog" ORDER BY id DESC LIMIT 1), '0@0') AS v`;
  return rows[0].v;
}

/** Which activity entries figures read: none, those dated in [start, end), or all of them. */
export type ActivityDependence = "none" | "all" | { start: Date; end: Date };

const MAX_CHANGES_READ = 50_000n;
const VERSION = /^(\d{4}-\d{2}-\d{2})\|(\d+)@(\d+)$/;

/**
 * Whether every change from version `from` to `to` is an activity entry dated outside what the
 * figures read (created, edited or deleted: the dates before and after an edit both count).
 * Any other change, another day, an unknown version or a re-seeded database answers no.
 */
export async function unchangedSince(
  from: string,
  to: string,
  activities: ActivityDependence,
): Promise<boolean> {
  const a = VERSION.exec(from);
  const b = VERSION.exec(to);
  if (activities === "all" || !a || !b || a[1] !== b[1]) return false;
  const [fromId, fromMs, toId] = [BigInt(a[2]), BigInt(a[3]), BigInt(b[2])];
  // Many changes since (an old entry of a rarely read scope): recomputing is cheaper than reading them.
  if (toId <= fromId || toId - fromId > MAX_CHANGES_READ) return false;
  const touches =
    activities === "none"
      ? Prisma.sql`FALSE`
      : Prisma.sql`(coalesce(l.after->>'date', l.before->>'date') IS NULL
          OR left(l.after->>'date', 10) >= ${isoDay(activities.start)} AND left(l.after->>'date', 10) < ${isoDay(activities.end)}
          OR left(l.before->>'date', 10) >= ${isoDay(activities.start)} AND left(l.before->>'date', 10) < ${isoDay(activities.end)})`;
  const rows = await db.$queryRaw<{ same: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "AuditLog" WHERE id = ${fromId} AND (extract(epoch FROM at) * 1000)::bigint = ${fromMs})
      AND NOT EXISTS (
        SELECT 1 FROM "AuditLog" l WHERE l.id > ${fromId} AND l.id <= ${toId}
          AND (l.entity <> 'ActivityEntry' OR ${touches})
      ) AS same`;
  return rows[0]?.same === true;
}

/**
 * The cached value for `key` at `version`, computing it once even under concurrent requests.
 * `activities` (default: all) says which activity entries the figures read.
 */
export function cached<T>(
  key: string,
  version: string,
  compute: () => Promise<T>,
  opts: { fresh?: boolean; activities?: ActivityDependence } = {},
): Promise<T> {
  const maxStaleMs = opts.fresh ? 0 : seconds("METRICS_MAX_STALE_SECONDS", 60);
  const activities = opts.activities ?? "all";
  return cache.get(key, version, compute, {
    maxStaleMs,
    refreshAfterMs: Math.min(maxStaleMs, seconds("METRICS_REFRESH_AFTER_SECONDS", 10)),
    unchanged:
      activities === "all" ? undefined : (from, to) => unchangedSince(from, to, activities),
  });
}

/** When the figures under `key` were computed (now when they are not cached). */
export function computedAt(key: string): Date {
  return new Date(cache.computedAt(key) ?? Date.now());
}

export function clearMetricsCache() {
  cache.clear();
}

/** Whether the start-up warm-up (instrumentation.ts) has filled the program-wide figures. */
export type WarmState = "off" | "warming" | "warm" | "failed";
const warm = globalThis as typeof globalThis & { __guardiansWarmState?: WarmState };
export const warmState = (): WarmState => warm.__guardiansWarmState ?? "off";
export const setWarmState = (state: WarmState) => {
  warm.__guardiansWarmState = state;
};
