import "server-only";
import { db } from "@/lib/db/client";

// Dashboard figures are cached per process, keyed by the data version: the id of the latest
// audit-log row. Every change made through the app (and the importer) writes one, so any
// change invalidates every cached figure on every instance at its next request.
const MAX_ENTRIES = 2_000;
// Kept on globalThis: Next.js bundles instrumentation.ts (which warms the cache at start),
// route handlers and pages separately, and a module-level Map would be one per bundle.
type Entry = { version: string; value: Promise<unknown> };
const store = globalThis as typeof globalThis & { __guardiansMetricsCache?: Map<string, Entry> };
const entries = (store.__guardiansMetricsCache ??= new Map<string, Entry>());

export async function dataVersion(): Promise<string> {
  const rows = await db.$queryRaw<{ v: string }[]>`SELECT coalesce(max(id), 0)::text AS v FROM "AuditLog"`;
  return rows[0].v;
}

/** The cached value for `key` at `version`, computing it once even under concurrent requests. */
export async function cached<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.set(key, { version, value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

export function clearMetricsCache() {
  entries.clear();
}

/** Whether the start-up warm-up (instrumentation.ts) has filled the program-wide figures. */
export type WarmState = "off" | "warming" | "warm" | "failed";
const warm = globalThis as typeof globalThis & { __guardiansWarmState?: WarmState };
export const warmState = (): WarmState => warm.__guardiansWarmState ?? "off";
export const setWarmState = (state: WarmState) => {
  warm.__guardiansWarmState = state;
};
