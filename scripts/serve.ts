// The one start command: database (embedded unless DATABASE_URL), migrations, demo data on
// an empty database, a production build when sources changed, then the app's server
// (scripts/server.ts: Next.js behind the app's HTTP front).
//   npm start                       production server on http://localhost:3000
//   npm run dev                     development server (hot reload)
//   tsx scripts/serve.ts --port 3100 --database guardians_e2e --fresh   (browser tests)
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { oidcSettings } from "../lib/auth/oidc";
import { ensureAuthSecret } from "../lib/db/auth-secret";
import { prepareDatabase } from "../lib/db/bootstrap";
import { buildIsStale } from "../lib/db/build-freshness";
import { isDatabaseEmpty, seedDatabase } from "../lib/demo/insert";
import { serverNodeOptions } from "../lib/server-heap";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    database: { type: "string" },
    fresh: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
    seed: { type: "string", default: "42" },
  },
});

// Spawned directly (not through npx) so SIGTERM reaches the server itself.
const NEXT_BIN = path.resolve("node_modules/.bin/next");
const SERVER = ["--import", "tsx", path.resolve("scripts/server.ts")];
const log = (line: string) => console.log(`[guardians] ${line}`);

async function main() {
  try {
    oidcSettings(); // half a single sign-on configuration stops the start, saying what is missing
  } catch (error) {
    console.error(`[guardians] ${(error as Error).message}`);
    process.exit(1);
  }
  const db = await prepareDatabase({ log, database: values.database, fresh: values.fresh });
  let child: ReturnType<typeof spawn> | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (!values["no-seed"] && (await isDatabaseEmpty(db.url))) {
      log("empty database: loading demo data (small scale)…");
      const started = Date.now();
      await seedDatabase(db.url, {
        seed: Number(values.seed),
        scale: "small",
        today: new Date(),
        newsletters: true,
      });
      log(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: ensureAuthSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${values.port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!values.dev && buildIsStale()) {
      log("building the app (first start or sources changed)…");
      const build = spawnSync(NEXT_BIN, ["build"], {
        stdio: "inherit",
        env: { ...env, NODE_ENV: "production" },
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const args = [...SERVER, "--port", values.port, ...(values.dev ? ["--dev"] : [])];
    child = spawn(process.execPath, args, {
      stdio: "inherit",
      env: values.dev
        ? { ...env, NODE_ENV: "development" }
        : { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) },
    });
    log(`Guardians on http://localhost:${values.port}`);
    child.on("exit", (code) => void shutdown(code ?? 0));
  } catch (error) {
    console.error(`[guardians] ${(error as Error).message}`);
    await shutdown(1);
  }
}

main().catch((error) => {
  // Clear one-line reasons (bad DATABASE_URL, database down, port taken), no stack trace.
  console.error(`[guardians] ${(error as Error).message}`);
  process.exit(1);
});
