// npm run bench: the `large` data set in its own database, the production build, and each key
// page and API under 20 concurrent users. Prints one table; stops everything it started.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIsStale } from "../lib/db/build-freshness";
import { largeDatabase } from "./large-db";
import { percentile, signInCookie } from "./http";
import { serverNodeOptions } from "../lib/server-heap";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 0);
const log = (l: string) => console.log(`[bench] ${l}`);

/** The server's processes: itself and its workers (scripts/server.ts runs one per core). */
function serverPids(): number[] {
  const root = server?.pid;
  if (!root) return [];
  try {
    const children = fs
      .readFileSync(`/proc/${root}/task/${root}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [root, ...children];
  } catch {
    return [root];
  }
}

/** CPU time the server's processes have used so far (user + system, all threads), from /proc; 0 elsewhere. */
function serverCpuMs(): number {
  let total = 0;
  for (const pid of serverPids()) {
    try {
      const fields = fs
        .readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /s, "")
        .split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      /* gone */
    }
  }
  return total;
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

// A server left running on the port (an interrupted bench's) would answer instead of the one
// started here, and the figures would be its own: refuse to measure.
if (
  await fetch(`${BASE}/healthz`).then(
    () => true,
    () => false,
  )
) {
  console.error(`[bench] something already answers on ${BASE}: stop it (or set BENCH_PORT).`);
  process.exit(1);
}
const db = await largeDatabase(log);
let server: ReturnType<typeof spawn> | null = null;
let peakRss = 0;
const cleanup = async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await db.stop();
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanup().then(() => process.exit(130)));

try {
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    NEXTAUTH_URL: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const setup = JSON.parse(
    execFileSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/setup.ts"],
      { env },
    )
      .toString()
      .trim()
      .split("\n")
      .at(-1)!,
  );
  if (buildIsStale()) {
    log("next build…");
    if (
      spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env })
        .status !== 0
    )
      throw new Error("next build failed");
  }
  // The app's server (scripts/server.ts: Next.js behind the HTTP front), as npm start runs it;
  // BENCH_FRONT=0 runs plain `next start` instead, to measure what the front costs.
  const [command, args] =
    process.env.BENCH_FRONT === "0"
      ? [path.resolve("node_modules/.bin/next"), ["start", "-p", String(PORT)]]
      : [
          process.execPath,
          [
            // BENCH_PROFILE=dir writes the server's CPU profile there when it stops (open it in
            // Chrome DevTools' Performance panel) to see where a request's CPU time goes.
            ...(process.env.BENCH_PROFILE
              ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
              : []),
            "--import",
            "tsx",
            "scripts/server.ts",
            "--port",
            String(PORT),
          ],
        ];
  log(`server: ${process.env.BENCH_FRONT === "0" ? "next start (no front)" : "scripts/server.ts"}`);
  server = spawn(command, args, {
    env: { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (
    let i = 0;
    i < 120 &&
    !(await fetch(`${BASE}/healthz`)
      .then((r) => r.ok)
      .catch(() => false));
    i++
  )
    await new Promise((r) => setTimeout(r, 500));
  // Measure a started server: wait (up to 2 min) for its dashboard warm-up, as a load balancer's
  // readiness check would.
  const warmStarted = Date.now();
  for (let i = 0; i < 240; i++) {
    const state = await fetch(`${BASE}/healthz`)
      .then((r) => r.json() as Promise<{ dashboardCache?: string }>)
      .then((b) => b.dashboardCache)
      .catch(() => "warming");
    if (state !== "warming") break;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(
    `dashboard warm-up took ${((Date.now() - warmStarted) / 1000).toFixed(1)} s after the server answered`,
  );
  const rssTimer = setInterval(() => {
    try {
      const kb = serverPids().reduce(
        (sum, pid) =>
          sum +
          Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0),
        0,
      );
      peakRss = Math.max(peakRss, kb * 1024);
    } catch {
      /* process gone */
    }
  }, 200);

  const password = "guardians-demo";
  const [lead, guardian, manager] = await Promise.all(
    ["lead", "guardian", "manager"].map((u) => signInCookie(BASE, `${u}@guardians.test`, password)),
  );
  const loggers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      signInCookie(BASE, `bench-guardian-${i}@guardians.test`, password),
    ),
  );
  const families = [
    "reviews",
    "releases",
    "findings",
    "time",
    "training",
    "threat-models",
    "people",
    "feedback",
  ];
  const targets: { name: string; path: string; cookie: string; post?: boolean }[] = [
    { name: "overview dashboard", path: "/dashboard", cookie: lead },
    ...families.map((f) => ({ name: `detail: ${f}`, path: `/dashboard/${f}`, cookie: lead })),
    { name: "metrics CSV (reviews)", path: "/api/metrics/reviews", cookie: lead },
    { name: "manager overview (own org)", path: "/dashboard", cookie: manager },
    { name: "directory team list", path: "/directory", cookie: lead },
    { name: "review list (all reviews)", path: "/reviews", cookie: lead },
    {
      name: "review list (completed, with guardian)",
      path: "/reviews?status=completed&guardian=with",
      cookie: lead,
    },
    { name: "guardian home", path: "/", cookie: guardian },
    { name: "hour-logging page", path: "/log", cookie: guardian },
    { name: "newsletter view", path: `/newsletters/${setup.newsletterId}`, cookie: manager },
    {
      name: "hour logging (POST /api/activities)",
      path: "/api/activities",
      cookie: "",
      post: true,
    },
  ];
  // BENCH_ONLY="overview,hour logging" runs the targets whose names contain one of the parts.
  const only = process.env.BENCH_ONLY?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const rows: string[][] = [];
  let day = 0;
  const load = async (
    t: (typeof targets)[number],
    connections = CONNECTIONS,
    duration = SECONDS,
  ) => {
    const times: number[] = [];
    const cpuBefore = serverCpuMs();
    const instance = autocannon({
      url: BASE + t.path,
      connections,
      duration,
      headers: { cookie: t.cookie },
      requests: t.post
        ? [
            {
              method: "POST",
              setupRequest: (req: autocannon.Request) => {
                // Each of the 20 guardians logs a quarter of an hour for one of the last 14 days in turn.
                day++;
                const date = new Date(
                  Date.now() - (Math.floor(day / loggers.length) % 14) * 86_400_000,
                )
                  .toISOString()
                  .slice(0, 10);
                return {
                  ...req,
                  headers: {
                    "content-type": "application/json",
                    origin: BASE,
                    cookie: loggers[day % loggers.length],
                  },
                  body: JSON.stringify({
                    date,
                    hours: 0.25,
                    type: "OTHER",
                    idempotencyKey: randomUUID(),
                  }),
                };
              },
            },
          ]
        : undefined,
    }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
    instance.on(
      "response",
      (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        times.push(responseTime),
    );
    const result = await instance;
    const cpu = serverCpuMs() - cpuBefore;
    times.sort((a, b) => a - b);
    return [
      percentile(times, 50).toFixed(0),
      percentile(times, 95).toFixed(0),
      (result.requests.total / duration).toFixed(1),
      result.requests.total ? (cpu / result.requests.total).toFixed(1) : "-",
      String(result.errors + result.timeouts + result.non2xx),
    ];
  };
  for (const t of targets.filter((x) => !only || only.some((o) => x.name.includes(o)))) {
    // Warm the route: a first render loads and compiles its code. BENCH_WARM_SECONDS=3 adds a
    // few seconds of the same load first, not counted (steady state, without the first requests).
    await fetch(BASE + t.path, { headers: { cookie: t.cookie } }).catch(() => {});
    if (WARM_SECONDS > 0) await load(t, CONNECTIONS, WARM_SECONDS);
    rows.push([t.name, ...(await load(t))]);
    log(`${t.name}: done`);
  }
  // Real programs write all day: the overview while 5 more users log hours (each write changes the
  // data version).
  if (!only || only.some((o) => "overview while logging".includes(o))) {
    const [overview, writes] = await Promise.all([load(targets[0]), load(targets.at(-1)!, 5)]);
    overview[3] = writes[3] = "-"; // one server's CPU time for both kinds of request
    rows.push(
      ["overview while 5 users log hours", ...overview],
      ["  (their hour logging)", ...writes],
    );
    log("overview while logging: done");
  }
  clearInterval(rssTimer);
  const header = ["target", "median ms", "p95 ms", "req/s", "server CPU ms/req", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(
    `\n${CONNECTIONS} concurrent users, ${SECONDS} s per target, large data set, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
  console.log(`\nserver peak memory: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
  console.log(
    "server CPU ms/req: the server process's CPU time (all its threads) per request served; less sensitive than latency to what else runs on the machine.",
  );
} finally {
  await cleanup();
}
