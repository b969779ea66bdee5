import { describe, expect, it } from "vitest";
import { VersionedCache } from "@/lib/metrics/versioned-cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(maxEntries = 10) {
  let t = 0;
  const cache = new VersionedCache(maxEntries, () => t);
  const calls: string[] = [];
  const pending: Record<string, ReturnType<typeof deferred<string>>> = {};
  const compute = (label: string) => () => {
    calls.push(label);
    pending[label] = deferred<string>();
    return pending[label].promise;
  };
  return {
    cache,
    calls,
    pending,
    compute,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const stale = { maxStaleMs: 60_000 };
const fresh = { maxStaleMs: 0 };

describe("versioned cache", () => {
  it("computes once per version, however many readers", async () => {
    const { cache, calls, pending, compute } = setup();
    const a = cache.get("k", "1", compute("v1"), stale);
    const b = cache.get("k", "1", compute("again"), stale);
    pending.v1.resolve("figures@1");
    expect(await a).toBe("figures@1");
    expect(await b).toBe("figures@1");
    expect(calls).toEqual(["v1"]);
  });

  it("after a change, answers with the young figures at once and refreshes once in the background", async () => {
    const { cache, calls, pending, compute, advance } = setup();
    const first = cache.get("k", "1", compute("v1"), stale);
    pending.v1.resolve("figures@1");
    await first;
    advance(10_000);
    expect(await cache.get("k", "2", compute("v2"), stale)).toBe("figures@1");
    // a refresh is running: no second one
    expect(await cache.get("k", "3", compute("v3"), stale)).toBe("figures@1");
    expect(calls).toEqual(["v1", "v2"]);
    pending.v2.resolve("figures@2");
    await flush();
    expect(await cache.get("k", "2", compute("unused"), stale)).toBe("figures@2");
    expect(cache.computedAt("k")).toBe(10_000); // the refresh's data is as of its start
    expect(calls).toEqual(["v1", "v2"]);
  });

  it("past the allowed age, readers wait for the running refresh instead of getting old figures", async () => {
    const { cache, pending, compute, advance } = setup();
    const first = cache.get("k", "1", compute("v1"), stale);
    pending.v1.resolve("figures@1");
    await first;
    advance(59_000);
    expect(await cache.get("k", "2", compute("v2"), stale)).toBe("figures@1");
    advance(2_000); // the cached figures are now 61 s old
    const waiting = cache.get("k", "3", compute("v3"), stale);
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await flush();
    expect(settled).toBe(false);
    pending.v2.resolve("figures@2");
    expect(await waiting).toBe("figures@2");
  });

  it("does not recompute figures younger than refreshAfterMs, and does once they are older", async () => {
    const { cache, calls, pending, compute, advance } = setup();
    const opts = { maxStaleMs: 60_000, refreshAfterMs: 10_000 };
    const first = cache.get("k", "1", compute("v1"), opts);
    pending.v1.resolve("figures@1");
    await first;
    advance(5_000);
    expect(await cache.get("k", "2", compute("v2"), opts)).toBe("figures@1");
    expect(calls).toEqual(["v1"]);
    advance(5_000);
    expect(await cache.get("k", "3", compute("v3"), opts)).toBe("figures@1");
    expect(calls).toEqual(["v1", "v3"]);
  });

  it("runs background refreshes one at a time", async () => {
    const { cache, calls, pending, compute, advance } = setup();
    for (const k of ["a", "b"]) {
      const p = cache.get(k, "1", compute(`${k}1`), stale);
      pending[`${k}1`].resolve(`${k}@1`);
      await p;
    }
    advance(1_000);
    expect(await cache.get("a", "2", compute("a2"), stale)).toBe("a@1");
    expect(await cache.get("b", "2", compute("b2"), stale)).toBe("b@1");
    await flush();
    expect(calls).toEqual(["a1", "b1", "a2"]); // b's refresh waits for a's
    pending.a2.resolve("a@2");
    await flush();
    expect(calls).toEqual(["a1", "b1", "a2", "b2"]);
    pending.b2.resolve("b@2");
    await flush();
    expect(await cache.get("b", "2", compute("unused"), stale)).toBe("b@2");
  });

  it("a fresh read never answers with figures of older data", async () => {
    const { cache, calls, pending, compute } = setup();
    const first = cache.get("k", "1", compute("v1"), stale);
    pending.v1.resolve("figures@1");
    await first;
    const freshRead = cache.get("k", "2", compute("v2"), fresh);
    pending.v2.resolve("figures@2");
    expect(await freshRead).toBe("figures@2");
    expect(calls).toEqual(["v1", "v2"]);
  });

  it("a failed computation is not cached and a failed refresh keeps the old figures", async () => {
    const { cache, calls, pending, compute, advance } = setup();
    const failing = cache.get("k", "1", compute("v1"), stale);
    pending.v1.reject(new Error("database down"));
    await expect(failing).rejects.toThrow("database down");
    await flush();
    const retry = cache.get("k", "1", compute("v1b"), stale);
    pending.v1b.resolve("figures@1");
    expect(await retry).toBe("figures@1");
    advance(1_000);
    expect(await cache.get("k", "2", compute("v2"), stale)).toBe("figures@1");
    pending.v2.reject(new Error("timeout"));
    await flush();
    expect(await cache.get("k", "2", compute("v2b"), stale)).toBe("figures@1"); // retried in the background
    expect(calls).toEqual(["v1", "v1b", "v2", "v2b"]);
  });

  it("keeps at most maxEntries keys, dropping the least recently used", async () => {
    const { cache, pending, compute } = setup(2);
    for (const k of ["a", "b"]) {
      const p = cache.get(k, "1", compute(k), stale);
      pending[k].resolve(k);
      await p;
    }
    await cache.get("a", "1", compute("unused"), stale); // a is now the most recent
    const c = cache.get("c", "1", compute("c"), stale);
    pending.c.resolve("c");
    await c;
    expect(cache.size).toBe(2);
    expect(cache.computedAt("b")).toBeNull();
    expect(cache.computedAt("a")).not.toBeNull();
  });
});
