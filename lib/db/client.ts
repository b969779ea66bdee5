import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { connectionSettings, reportBudget, requestBudget, type DatabaseBudget } from "./budgets";
import { BoundedClient } from "./connections";

// Each pool works within a time budget (lib/db/budgets.ts): a database that stops answering
// fails its queries in a few seconds instead of hanging them, and a connection the client gave
// up on is closed rather than lent again.
function createClient(budget: DatabaseBudget, poolSize: number) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString)
    throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.");
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    Client: BoundedClient,
    ...connectionSettings(budget),
  });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// One client per pool and server process (and across hot reloads in development), created on
// first use so that `next build` needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; reports?: PrismaClient };

function lazy(key: "prisma" | "reports", create: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, prop) {
      const c = (globalForPrisma[key] ??= create());
      const value = Reflect.get(c, prop);
      return typeof value === "function" ? value.bind(c) : value;
    },
  });
}

/** Everything a request reads and writes, within the request budget. */
export const db = lazy("prisma", () =>
  createClient(requestBudget(), Number(process.env.DATABASE_POOL_SIZE ?? 10)),
);

/**
 * The dashboards' fact queries only (large read-only scans, computed once and cached): a pool
 * of their own with the longer report budget, so a cold dashboard neither times out nor
 * holds the connections other requests need.
 */
export const reportDb = lazy("reports", () =>
  createClient(reportBudget(), Number(process.env.DATABASE_REPORT_POOL_SIZE ?? 4)),
);
