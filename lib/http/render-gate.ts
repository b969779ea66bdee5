// Admission for page renders. A page render is CPU work on the one JavaScript thread, so running
// twenty at once finishes none sooner than running two: it only interleaves them. And it costs:
// each render keeps its few MiB of objects alive until it ends, so the more renders in flight,
// the more of them outlive the young generation and end in the old one, whose collections are
// slow. Measured on the overview dashboard (large data set, 2 cores, 20 users): about 17 ms of
// server CPU per view with 1 or 2 renders in flight, 22 ms with 3, 24–28 ms with 20. So the front
// admits two renders at a time (one can run while the other waits on the database) and queues the
// rest, first come first served; the queue costs nothing while it waits.
//
// A render that waits on something slow (a cold dashboard's queries) must not hold up the queue:
// after `releaseAfterMs` its place goes to the next request and it goes on outside the count.
// A client that gives up while queued leaves the queue unserved.
// Plain module (no Next.js): tests drive it with a handler of their own.
import type { ServerResponse } from "node:http";

export type GateOptions = {
  /** Renders admitted at once. */
  limit: number;
  /** After this long an admitted render stops counting against the limit. */
  releaseAfterMs: number;
};

export type RenderGate = {
  /** Runs `start` now if a place is free, otherwise when one is; never if the client leaves first. */
  admit(res: ServerResponse, start: () => void): void;
  /** Renders counted now, and requests waiting (for the health check and tests). */
  stats(): { active: number; queued: number };
};

/** RENDER_CONCURRENCY (default 2; 0 turns the gate off) and RENDER_RELEASE_MS (default 250). */
export function gateOptionsFromEnv(env: Record<string, string | undefined> = process.env) {
  const int = (value: string | undefined, fallback: number) => {
    const n = Number(value ?? fallback);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    limit: int(env.RENDER_CONCURRENCY, 2),
    releaseAfterMs: int(env.RENDER_RELEASE_MS, 250),
  } satisfies GateOptions;
}

// Requests that are not page renders: built files, the API (scripts and the hour-logging form
// expect answers at once, and their handlers are short), the health check.
const NOT_RENDERS = [/^\/_next\//, /^\/api\//, /^\/healthz(?:$|\?)/, /^\/favicon/];

/** Whether the request renders a page (or runs a server action, which renders one too). */
export function isPageRender(url: string | undefined): boolean {
  const path = url ?? "/";
  return !NOT_RENDERS.some((pattern) => pattern.test(path));
}

export function createRenderGate(opts: GateOptions): RenderGate {
  let active = 0;
  const queue: (() => void)[] = [];

  const next = () => {
    while (active < opts.limit && queue.length > 0) queue.shift()!();
  };

  const run = (res: ServerResponse, start: () => void) => {
    active++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      clearTimeout(timer);
      active--;
      next();
    };
    const timer = setTimeout(release, opts.releaseAfterMs);
    timer.unref();
    res.once("close", release); // sent, or the connection went away
    start();
  };

  return {
    admit(res, start) {
      if (opts.limit === 0) return start();
      if (active < opts.limit && queue.length === 0) return run(res, start);
      const entry = () => {
        res.off("close", leave);
        run(res, start);
      };
      // Nothing has been sent yet, so the response closing means the connection went away.
      const leave = () => {
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
      };
      res.once("close", leave);
      queue.push(entry);
    },
    stats: () => ({ active, queued: queue.length }),
  };
}

// The server's gate, for /healthz (lib/server/health.ts): Next.js bundles the app apart from
// scripts/server.ts, but both run in one process and share globalThis.
const shared = globalThis as typeof globalThis & { __guardiansRenderGate?: RenderGate };

/** Makes `gate` the one /healthz reports on. */
export function publishRenderGate(gate: RenderGate): RenderGate {
  shared.__guardiansRenderGate = gate;
  return gate;
}

/** The published gate's renders in flight and requests waiting; null without one (development). */
export function renderGateStats(): { active: number; queued: number } | null {
  return shared.__guardiansRenderGate?.stats() ?? null;
}
