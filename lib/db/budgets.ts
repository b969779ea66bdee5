// Time limits on the database, so that a PostgreSQL which stops answering (a hung host, a
// stalled disk, a lock held too long) fails requests quickly instead of hanging them. Requests
// get a short budget; the dashboards' fact queries (large scans, computed once and cached) a
// longer one on a pool of their own; long jobs (import, restore, export, seed, migrations,
// benchmarks) a long one, given explicitly where they connect (jobClient). Read by the app and
// by the scripts, so no "server-only" here.
import { z } from "zod";

export type DatabaseBudget = {
  /** Getting a connection: opening one, or waiting for a free one in the pool. */
  connectMs: number;
  /** PostgreSQL's statement_timeout: the server cancels a statement that runs longer. */
  statementMs: number;
  /** PostgreSQL's lock_timeout: a statement that waits longer for a lock fails. */
  lockMs: number;
};

/**
 * How long the client waits beyond the statement timeout before it gives up by itself: a
 * server that answers cancels the statement first, and one that is frozen cannot.
 */
export const CLIENT_GRACE_MS = 1_000;

const DEFAULTS = {
  DATABASE_CONNECT_TIMEOUT_MS: 2_000,
  DATABASE_STATEMENT_TIMEOUT_MS: 3_000,
  DATABASE_LOCK_TIMEOUT_MS: 2_000,
  DATABASE_REPORT_TIMEOUT_MS: 15_000,
  DATABASE_JOB_TIMEOUT_MS: 3_600_000,
} as const;

type Setting = keyof typeof DEFAULTS;
type Env = Record<string, string | undefined>;

const millisecondsSchema = z.coerce.number().int().min(1).max(86_400_000);

/** One setting from the environment, or its default; a malformed value stops the start, saying why. */
function setting(env: Env, name: Setting): number {
  const raw = env[name]?.trim();
  if (!raw) return DEFAULTS[name];
  const parsed = millisecondsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${name} must be a whole number of milliseconds between 1 and 86400000 (got "${raw}")`,
    );
  return parsed.data;
}

/** The budget of everything a request does. */
export function requestBudget(env: Env = process.env): DatabaseBudget {
  return {
    connectMs: setting(env, "DATABASE_CONNECT_TIMEOUT_MS"),
    statementMs: setting(env, "DATABASE_STATEMENT_TIMEOUT_MS"),
    lockMs: setting(env, "DATABASE_LOCK_TIMEOUT_MS"),
  };
}

/**
 * The budget of the dashboards' fact queries (lib/server/metrics): a cold dashboard sends a
 * few dozen scans at once, each up to a few seconds on a busy server, and queues for its own
 * small pool; waiting for a connection and each statement get DATABASE_REPORT_TIMEOUT_MS.
 */
export function reportBudget(env: Env = process.env): DatabaseBudget {
  const report = setting(env, "DATABASE_REPORT_TIMEOUT_MS");
  return {
    connectMs: report,
    statementMs: report,
    lockMs: setting(env, "DATABASE_LOCK_TIMEOUT_MS"),
  };
}

/** The budget of long jobs: the same time to connect, a long one per statement and lock wait. */
export function jobBudget(env: Env = process.env): DatabaseBudget {
  const job = setting(env, "DATABASE_JOB_TIMEOUT_MS");
  return { connectMs: setting(env, "DATABASE_CONNECT_TIMEOUT_MS"), statementMs: job, lockMs: job };
}

/**
 * node-postgres settings for a budget: the server enforces the statement and lock timeouts,
 * the client gives up CLIENT_GRACE_MS later (`query_timeout`) when the server cannot answer at
 * all, and TCP keepalive notices a peer that vanished without closing the connection.
 */
export function connectionSettings(budget: DatabaseBudget) {
  return {
    connectionTimeoutMillis: budget.connectMs,
    statement_timeout: budget.statementMs,
    lock_timeout: budget.lockMs,
    query_timeout: budget.statementMs + CLIENT_GRACE_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
