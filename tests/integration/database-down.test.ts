// A database that is down (or never answers) at start: one clear line, no stack trace, and
// within a bounded time, from the reachability check and from the command that starts with it.
import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReachable } from "@/lib/db/bootstrap";

let closedPort: number;
let silent: net.Server;
let silentPort: number;
const sockets = new Set<net.Socket>();

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );

beforeAll(async () => {
  // A port nothing listens on: bind one, then close it.
  const probe = net.createServer();
  closedPort = await listen(probe);
  await new Promise((r) => probe.close(r));
  // A server that accepts the connection and then says nothing (a hung or firewalled host).
  silent = net.createServer((socket) => void sockets.add(socket));
  silentPort = await listen(silent);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

const url = (port: number) => `postgresql://guardians:secret-password@127.0.0.1:${port}/guardians`;

async function failure(run: () => Promise<unknown>): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { message: (error as Error).message, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
}

describe("database down at start", () => {
  it("says in one line that nothing listens there, at once", async () => {
    const { message, ms } = await failure(() => checkReachable(url(closedPort)));
    expect(message).toBe(
      `Cannot reach the database at 127.0.0.1:${closedPort} (postgresql://guardians:***@127.0.0.1:${closedPort}/guardians): connection refused: is PostgreSQL running there?`,
    );
    expect(ms).toBeLessThan(2_000);
  });

  it("gives up on a server that never answers after the connection timeout, in one line", async () => {
    const { message, ms } = await failure(() => checkReachable(url(silentPort)));
    expect(message).toMatch(
      new RegExp(
        `^Cannot reach the database at 127\\.0\\.0\\.1:${silentPort} \\(postgresql://guardians:\\*\\*\\*@[^)]+\\): \\S.*$`,
      ),
    );
    expect(message).not.toContain("\n");
    expect(message).not.toContain("secret-password");
    expect(ms).toBeGreaterThanOrEqual(4_500);
    expect(ms).toBeLessThan(8_000);
  }, 15_000);

  /** Runs `npm run db:migrate`'s script directly (npm would add its own lines) with a DATABASE_URL. */
  const migrateWith = (databaseUrl: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
      const started = Date.now();
      execFile(
        process.execPath,
        ["--import", "tsx", path.resolve("scripts/migrate.ts")],
        { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 20_000 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? ((error as { code?: number }).code ?? null) : 0,
            stdout,
            stderr,
            ms: Date.now() - started,
          }),
      );
    });

  it("the start's migration step prints that one line and exits with 1, no stack trace", async () => {
    const run = await migrateWith(url(closedPort));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `[guardians] Cannot reach the database at 127.0.0.1:${closedPort} (postgresql://guardians:***@127.0.0.1:${closedPort}/guardians): connection refused: is PostgreSQL running there?\n`,
    );
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  it("a malformed DATABASE_URL gets one line too", async () => {
    for (const [bad, line] of [
      [
        "not a url",
        "DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:5432/database",
      ],
      ["mysql://u:p@h/db", "DATABASE_URL must start with postgresql:// (got mysql://)"],
      [
        "postgresql://u:p@localhost",
        "DATABASE_URL names no database (add /database_name at the end)",
      ],
    ]) {
      const run = await migrateWith(bad);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`[guardians] ${line}\n`);
    }
  }, 60_000);
});
