import { Prisma } from "@/lib/generated/prisma/client";
import type { QueryScope } from "./permissions";

// The one tenant filter: what a list or lookup may show, from `queryScope(actor, permission)`,
// as a Prisma `where` fragment or an SQL condition. Spread the fragment beside the other
// conditions (`{ id, ...tenantWhere(scope, "team.orgId") }`): an unlimited scope adds nothing.

/** `{ a: { b: V } }` for the path "a.b". */
type AtPath<P extends string, V> = P extends `${infer Head}.${infer Rest}`
  ? { [K in Head]: AtPath<Rest, V> }
  : { [K in P]: V };

function atPath(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as never);
}

type InOrgs<P extends string> = Partial<AtPath<P, { in: number[] }>>;

/**
 * Rows whose organisation (at `orgPath`, e.g. "orgId", "team.orgId", "id" for orgs themselves)
 * is in the scope's organisations; every row for an "all" scope. With `ownPath` (the row's
 * person, e.g. "guardianId"), the actor's own rows are visible too under an "own" scope.
 */
export function tenantWhere<P extends string>(scope: QueryScope, orgPath: P): InOrgs<P>;
export function tenantWhere<P extends string, O extends string>(
  scope: QueryScope,
  orgPath: P,
  ownPath: O,
): { OR?: (InOrgs<P> | AtPath<O, number>)[] };
export function tenantWhere(scope: QueryScope, orgPath: string, ownPath?: string) {
  if (scope.all) return {};
  const inOrgs = atPath(orgPath, { in: scope.orgIds });
  if (!ownPath) return inOrgs;
  return {
    OR: [
      ...(scope.userId ? [atPath(ownPath, scope.userId)] : []),
      ...(scope.orgIds.length ? [inOrgs] : []),
    ],
  };
}

/** The same limit as an SQL condition on an organisation id column, e.g. `t."orgId"`. */
export function tenantSql(scope: QueryScope, orgColumn: string): Prisma.Sql {
  return scope.all ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(orgColumn)} = ANY(${scope.orgIds})`;
}

/** Whether one organisation is inside the scope. */
export function inTenant(scope: QueryScope, orgId: number): boolean {
  return scope.all || scope.orgIds.includes(orgId);
}
