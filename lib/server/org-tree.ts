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
export const orgTree = cache((): Promise<OrgNode[]> =>
  db.org.findMany({
    select: { id: true, parentId: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  }),
);

/** The given organisations with every sub-org, as sorted ids. */
export async function subOrgIds(rootIds: number[]): Promise<number[]> {
  return orgSubtree(await orgTree(), rootIds);
}
