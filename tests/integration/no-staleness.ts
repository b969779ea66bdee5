import { afterAll, beforeAll } from "vitest";

/**
 * Cached figures (lib/server/metrics/cache.ts) with staleness off for the calling file or
 * describe block: METRICS_MAX_STALE_SECONDS=0, so the next read after a write must show it.
 */
export function withoutMetricsStaleness() {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.METRICS_MAX_STALE_SECONDS;
    process.env.METRICS_MAX_STALE_SECONDS = "0";
  });
  afterAll(() => {
    if (before === undefined) delete process.env.METRICS_MAX_STALE_SECONDS;
    else process.env.METRICS_MAX_STALE_SECONDS = before;
  });
}
