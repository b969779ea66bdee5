import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVE_FROM, ACTIVE_UNTIL } from "./index";

/**
 * The rule of ./index.ts in SQL: membership row `alias` active on `dayExpr`, a `date` (or an
 * expression PostgreSQL compares with the date columns as one).
 */
export function activeOnDay(dayExpr: Prisma.Sql, alias = "g"): Prisma.Sql {
  return activeBetweenDays(dayExpr, dayExpr, alias);
}

/**
 * isActiveBetween() in SQL: membership row `alias` active on at least one day from `firstExpr`
 * to `lastExpr` (inclusive dates).
 */
export function activeBetweenDays(
  firstExpr: Prisma.Sql,
  lastExpr: Prisma.Sql,
  alias = "g",
): Prisma.Sql {
  const from = Prisma.raw(`${alias}."${ACTIVE_FROM}"`);
  const until = Prisma.raw(`${alias}."${ACTIVE_UNTIL}"`);
  return Prisma.sql`${from} IS NOT NULL AND ${from} <= ${lastExpr} AND (${until} IS NULL OR ${until} >= ${firstExpr})`;
}
