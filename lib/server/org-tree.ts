import "server-only";
import { cache } from "react";
import { orgSubtree } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export type OrgNode = { id: number; parentId: number | null; name: string };

/**
 * Every organisation (id, parent, name; by name), read once per request: a page that resolves
 * a dashboard filter, lists its choices and counts training by org asks for it several times.
 * (React's `cache` is per render; outside one, as in scripts and tests, each call reads.)
 */
export const orgTree = cache(
  // Raw SQL: every page reads it, and a model query costs Prisma a query compilation each time.
  (): Promise<OrgNode[]> =>
    db.$queryRaw<OrgNode[]>`SELECT id, "parentId", name FROM "Org" ORDER BY name, id`,
);

/** The given organisations with every sub-org, as sorted ids. */
export async function subOrgIds(rootIds: number[]): Promise<number[]> {
  return orgSubtree(await orgTree(), rootIds);
}
