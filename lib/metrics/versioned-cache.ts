// A cache of computed figures keyed by a data version, that may answer with slightly older
// figures while fresh ones are computed. Dashboards over a large program take seconds to
// compute cold; with writes arriving every second (hour logging), recomputing after each
// one would make every reader wait and keep the server busy recomputing. So after a change:
// - figures younger than `refreshAfterMs` are served as they are (no recomputation yet);
// - figures up to `maxStaleMs` old are served at once while one background refresh runs;
// - older figures are not served: readers wait for the refresh.
// Background refreshes run `maxConcurrentRefreshes` at a time, so they leave the database
// pool and the event loop to the requests being served.
// Versions are fine-grained where it pays (lib/server/metrics/versions.ts: hours by the quarter
// of their date), so a change moves only the versions of the figures it touches.

type Entry = {
  version: string;
  value: Promise<unknown>;
  /** When the computation of `value` started: the figures reflect the data as of then. */
  computedAt: number;
  settled: boolean;
  refresh: { version: string; value: Promise<unknown> } | null;
};

export type CacheOptions = {
  maxStaleMs: number;
  refreshAfterMs?: number;
};

export class VersionedCache {
  private readonly entries = new Map<string, Entry>();

  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly maxEntries = 2_000,
    private readonly now: () => number = Date.now,
    private readonly maxConcurrentRefreshes = 1,
  ) {}

  get<T>(
    key: string,
    version: string,
    compute: () => Promise<T>,
    { maxStaleMs, refreshAfterMs = 0 }: CacheOptions,
  ): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.touch(key, hit);
      if (hit.version === version) return hit.value as Promise<T>;
      if (maxStaleMs > 0) {
        // A computation still running was started moments ago: share it.
        if (!hit.settled) return hit.value as Promise<T>;
        const age = this.now() - hit.computedAt;
        if (age <= maxStaleMs) {
          if (!hit.refresh && age >= refreshAfterMs) this.startRefresh(key, hit, version, compute);
          return hit.value as Promise<T>;
        }
        if (hit.refresh) return hit.refresh.value as Promise<T>;
      }
    }
    return this.computeFresh(key, version, compute);
  }

  /** When the figures cached under `key` were computed (null when none are cached). */
  computedAt(key: string): number | null {
    return this.entries.get(key)?.computedAt ?? null;
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  private computeFresh<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const value = compute();
    const entry: Entry = { version, value, computedAt: this.now(), settled: false, refresh: null };
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return value;
  }

  private startRefresh<T>(key: string, stale: Entry, version: string, compute: () => Promise<T>) {
    let startedAt = this.now();
    const value = this.limited(() => {
      startedAt = this.now();
      return compute();
    });
    stale.refresh = { version, value };
    value.then(
      () => {
        if (this.entries.get(key) !== stale) return; // replaced meanwhile
        this.entries.set(key, {
          version,
          value,
          computedAt: startedAt,
          settled: true,
          refresh: null,
        });
      },
      () => {
        // keep serving the old figures; the next reader retries
        if (stale.refresh?.value === value) stale.refresh = null;
      },
    );
  }

  /** Runs background work `maxConcurrentRefreshes` at a time. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrentRefreshes)
      await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private touch(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used last
  }

  private evict() {
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
  }
}
