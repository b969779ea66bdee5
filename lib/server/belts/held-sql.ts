import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * lib/belts/validity.ts `isHeldOn` in SQL (docs/metrics.md, "held belt"): award row `alias`
 * counts on `dayExpr`, a `date` (or an expression PostgreSQL compares with date columns as one).
 */
export function heldOnDay(dayExpr: Prisma.Sql, alias = "b"): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`${col("awardedOn")} <= ${dayExpr}
    AND (${col("expiresOn")} IS NULL OR ${col("expiresOn")} > ${dayExpr})
    AND (${col("revokedAt")} IS NULL OR ${col("revokedAt")} > (${dayExpr}::timestamp AT TIME ZONE 'UTC'))`;
}
