// Connections with a time budget (lib/db/budgets.ts). Used by the app's pool (lib/db/client.ts)
// and by long jobs; scripts import it too, so no "server-only" here.
import pg from "pg";
import { connectionSettings, jobBudget } from "./budgets";

const isReadTimeout = (error: unknown) =>
  error instanceof Error && error.message === "Query read timeout";

/**
 * A pg client that closes its connection when it gives up waiting for a statement (pg's
 * `query_timeout`: the server did not answer, not even to cancel it). pg itself only stops
 * waiting: the statement stays in flight, so a pool would lend the connection on, to callers
 * whose queries queue behind it, or, after a ROLLBACK that timed out too, with a transaction
 * still open. Once closed, the backend rolls back and exits as soon as it runs again.
 */
export class BoundedClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;

BoundedClient.prototype.query = function (this: BoundedClient, ...args: unknown[]) {
  const close = (error: unknown) => {
    if (isReadTimeout(error)) void this.end().catch(() => {});
  };
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function")
    args[last] = (error: unknown, result: unknown) => {
      if (error) close(error);
      callback(error, result);
    };
  const result = plainQuery.apply(this, args);
  if (result instanceof Promise) result.catch(close);
  return result;
} as pg.Client["query"];

/**
 * A connection of its own for a long job (import, restore, export, seed, migrations,
 * benchmarks): it fails as fast as a request when the database is unreachable, but gives each
 * statement and lock wait the long DATABASE_JOB_TIMEOUT_MS. Connect it, and end it when done.
 */
export function jobClient(connectionString: string): pg.Client {
  return new BoundedClient({ connectionString, ...connectionSettings(jobBudget()) });
}
