import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFront } from "@/lib/http/front";
import {
  createRenderGate,
  gateOptionsFromEnv,
  isPageRender,
  publishRenderGate,
  type GateOptions,
} from "@/lib/http/render-gate";
import { healthResponse } from "@/lib/server/health";

// The real front and gate on a real HTTP server; the handler stands in for Next.js. It records
// when each request starts and holds its answer until the test lets it go.
type Started = { url: string; at: number; finish: () => void };

function harness(opts: GateOptions) {
  const started: Started[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const gate = createRenderGate(opts);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    started.push({
      url: req.url!,
      at: Date.now(),
      finish: () => {
        running--;
        res.end(req.url);
      },
    });
  };
  const server = http.createServer(createFront({ handle, hops: 0, gate }).onRequest);
  return {
    gate,
    started,
    mostAtOnce: () => mostAtOnce,
    async listen() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return (server.address() as AddressInfo).port;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

let current: ReturnType<typeof harness> | null = null;
afterEach(() => {
  current?.close();
  current = null;
});

async function setUp(opts: GateOptions) {
  current = harness(opts);
  const port = await current.listen();
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.text());
  return { ...current, port, get };
}

/** Waits until `check` holds (the server runs in this process, on the same event loop). */
async function until(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("the render gate", () => {
  it("renders two pages at a time and the rest in the order they came", async () => {
    const h = await setUp({ limit: 2, releaseAfterMs: 60_000 });
    const answers = ["/a", "/b", "/c", "/d", "/e"].map((p, i) =>
      new Promise((r) => setTimeout(r, i * 20)).then(() => h.get(p)),
    );
    await until(() => h.gate.stats().queued === 3);
    expect(h.started.map((s) => s.url)).toEqual(["/a", "/b"]);
    // Each answer lets the next one in, first come first served.
    for (let i = 0; i < 5; i++) {
      await until(() => h.started.length >= Math.min(i + 2, 5));
      h.started[i].finish();
    }
    expect(await Promise.all(answers)).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    expect(h.started.map((s) => s.url)).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    expect(h.mostAtOnce()).toBe(2);
    expect(h.gate.stats()).toEqual({ active: 0, queued: 0 });
  });

  it("lets the API, built files and the health check through at once", async () => {
    const h = await setUp({ limit: 1, releaseAfterMs: 60_000 });
    const page = h.get("/dashboard");
    const queued = h.get("/reviews");
    await until(() => h.gate.stats().queued === 1);
    const others = ["/api/activities", "/_next/static/app.js", "/healthz"];
    const answers = others.map((p) => h.get(p));
    await until(() => h.started.length === 1 + others.length);
    expect(h.started.map((s) => s.url)).toEqual(["/dashboard", ...others]);
    for (const s of h.started.slice(1)) s.finish();
    expect(await Promise.all(answers)).toEqual(others);
    expect(h.gate.stats()).toEqual({ active: 1, queued: 1 });
    h.started[0].finish();
    expect(await page).toBe("/dashboard");
    await until(() => h.started.length === 5);
    h.started[4].finish();
    expect(await queued).toBe("/reviews");
  });

  it("gives a slow render's place to the next request after the release time", async () => {
    const h = await setUp({ limit: 1, releaseAfterMs: 150 });
    const slow = h.get("/slow");
    await until(() => h.started.length === 1);
    const next = h.get("/next");
    await until(() => h.started.length === 2);
    const waited = h.started[1].at - h.started[0].at;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1000);
    // The slow one still finishes, and its late end does not free a second place.
    h.started[1].finish();
    h.started[0].finish();
    expect(await Promise.all([slow, next])).toEqual(["/slow", "/next"]);
    expect(h.gate.stats()).toEqual({ active: 0, queued: 0 });
  });

  it("drops a queued request whose client went away, and serves the next", async () => {
    const h = await setUp({ limit: 1, releaseAfterMs: 60_000 });
    const first = h.get("/first");
    await until(() => h.started.length === 1);
    const socket = net.connect(h.port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write("GET /gave-up HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(() => h.gate.stats().queued === 1);
    socket.destroy();
    await until(() => h.gate.stats().queued === 0);
    const last = h.get("/last");
    await until(() => h.gate.stats().queued === 1);
    h.started[0].finish();
    await until(() => h.started.length === 2);
    expect(h.started.map((s) => s.url)).toEqual(["/first", "/last"]);
    h.started[1].finish();
    expect(await Promise.all([first, last])).toEqual(["/first", "/last"]);
  });

  it("reports its renders in flight and waiting on /healthz", async () => {
    const h = await setUp({ limit: 1, releaseAfterMs: 60_000 });
    publishRenderGate(h.gate);
    const answers = ["/a", "/b", "/c"].map((p) => h.get(p));
    await until(() => h.gate.stats().queued === 2);
    const health = await (await healthResponse()).json();
    expect(health.renders).toEqual({ active: 1, queued: 2 });
    for (let i = 0; i < 3; i++) {
      await until(() => h.started.length > i);
      h.started[i].finish();
    }
    await Promise.all(answers);
    expect((await (await healthResponse()).json()).renders).toEqual({ active: 0, queued: 0 });
  });

  it("admits every request at once when its limit is 0", async () => {
    const h = await setUp({ limit: 0, releaseAfterMs: 250 });
    const answers = ["/a", "/b", "/c"].map((p) => h.get(p));
    await until(() => h.started.length === 3);
    expect(h.mostAtOnce()).toBe(3);
    for (const s of h.started) s.finish();
    expect(await Promise.all(answers)).toEqual(["/a", "/b", "/c"]);
  });
});

describe("what the gate counts", () => {
  it("counts pages and server actions, not the API, built files or the health check", () => {
    for (const url of ["/", "/dashboard?org=3", "/reviews/12", "/sign-in", "/healthzone"])
      expect(isPageRender(url)).toBe(true);
    for (const url of ["/api/activities", "/_next/static/x.js", "/healthz", "/favicon.ico"])
      expect(isPageRender(url)).toBe(false);
  });

  it("reads its settings from the environment, with defaults for missing or bad values", () => {
    expect(gateOptionsFromEnv({})).toEqual({ limit: 2, releaseAfterMs: 250 });
    expect(gateOptionsFromEnv({ RENDER_CONCURRENCY: "0", RENDER_RELEASE_MS: "1000" })).toEqual({
      limit: 0,
      releaseAfterMs: 1000,
    });
    expect(gateOptionsFromEnv({ RENDER_CONCURRENCY: "-1", RENDER_RELEASE_MS: "x" })).toEqual({
      limit: 2,
      releaseAfterMs: 250,
    });
  });
});
