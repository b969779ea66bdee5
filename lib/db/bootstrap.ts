import path from "node:path";
import pg from "pg";
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from "./embedded";
import { migrate } from "./migrate";
import { parseDatabaseUrl, redactUrl, withDatabase } from "./url";

export type PreparedDatabase = {
  url: string;
  embedded: EmbeddedServer | null;
  stop: () => Promise<void>;
};

const EMBEDDED_DEFAULTS = {
  dataDir: process.env.EMBEDDED_PG_DIR ?? path.resolve(".data/pg"),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  database: "guardians",
};

/** Fails with one clear sentence when the server is down or refuses us. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const parsed = parseDatabaseUrl(url);
    const where = `${parsed.hostname}:${parsed.port || 5432}`;
    const reason =
      e.code === "ECONNREFUSED"
        ? "connection refused: is PostgreSQL running there?"
        : e.code === "ENOTFOUND"
          ? "unknown host"
          : e.code === "28P01"
            ? "wrong user name or password"
            : e.code === "3D000"
              ? "that database does not exist"
              : e.message;
    throw new Error(`Cannot reach the database at ${where} (${redactUrl(url)}): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * DATABASE_URL when set, otherwise an embedded PostgreSQL under .data/. Applies migrations.
 */
export async function prepareDatabase(
  opts: {
    log?: (line: string) => void;
    dataDir?: string;
    port?: number;
    database?: string;
    fresh?: boolean;
  } = {},
): Promise<PreparedDatabase> {
  const log = opts.log ?? (() => {});
  let url: string;
  let embedded: EmbeddedServer | null = null;
  if (process.env.DATABASE_URL) {
    const configured = process.env.DATABASE_URL;
    parseDatabaseUrl(configured);
    // A named database (tests, benchmarks) lives beside the configured one on the same server.
    url = opts.database ? withDatabase(configured, opts.database) : configured;
    if (opts.database) {
      await checkReachable(withDatabase(configured, "postgres"));
      if (opts.fresh) await dropDatabase(withDatabase(configured, "postgres"), opts.database);
      await ensureDatabase(withDatabase(configured, "postgres"), opts.database);
    }
    await checkReachable(url);
    log(`using ${redactUrl(url)}`);
  } else {
    const dataDir = opts.dataDir ?? EMBEDDED_DEFAULTS.dataDir;
    const port = opts.port ?? EMBEDDED_DEFAULTS.port;
    embedded = await startEmbeddedPostgres({ dataDir, port });
    const database = opts.database ?? EMBEDDED_DEFAULTS.database;
    if (opts.fresh) await dropDatabase(embedded.url("postgres"), database);
    await ensureDatabase(embedded.url("postgres"), database);
    url = embedded.url(database);
    log(
      `embedded PostgreSQL ${embedded.owned ? "started" : "already running"} on port ${port} (data in ${path.relative(process.cwd(), dataDir)})`,
    );
  }
  const result = await migrate(url, { log });
  if (result.applied.length === 0)
    log(`database schema up to date (${result.alreadyApplied.length} migrations)`);
  return { url, embedded, stop: async () => embedded?.stop() };
}
