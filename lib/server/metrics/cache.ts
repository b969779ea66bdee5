import "server-only";
import { VersionedCache } from "@/lib/metrics/versioned-cache";

// Dashboard figures are cached per process, keyed by the data's version (./versions.ts: kept
// by triggers in the database, so every writer bumps it). After a change, readers get the cached
// figures as they are for METRICS_REFRESH_AFTER_SECONDS (10), then while one background refresh
// computes new ones, for up to METRICS_MAX_STALE_SECONDS (60) after they were computed;
// `fresh: true` always waits for figures of the current data (used when a newsletter is
// published and frozen). Setting the maximum to 0 turns staleness off: every read after a
// write sees it.
// Kept on globalThis: Next.js bundles instrumentation.ts (which warms the cache at start),
// route handlers and pages separately, and a module-level cache would be one per bundle.
const store = globalThis as typeof globalThis & { __guardiansMetricsCache?: VersionedCache };
const cache = (store.__guardiansMetricsCache ??= new VersionedCache(2_000));

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value * 1000 : 0;
}

/** The cached value for `key` at `version`, computing it once even under concurrent requests. */
export function cached<T>(
  key: string,
  version: string,
  compute: () => Promise<T>,
  opts: { fresh?: boolean } = {},
): Promise<T> {
  const maxStaleMs = opts.fresh ? 0 : seconds("METRICS_MAX_STALE_SECONDS", 60);
  return cache.get(key, version, compute, {
    maxStaleMs,
    refreshAfterMs: Math.min(maxStaleMs, seconds("METRICS_REFRESH_AFTER_SECONDS", 10)),
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
