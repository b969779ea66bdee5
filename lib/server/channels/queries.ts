import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { inTenant, tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { ChatTool } from "@/lib/generated/prisma/enums";
import { orgTree, type OrgNode } from "@/lib/server/org-tree";
import { NotFoundError, PermissionError } from "@/lib/server/errors";

// What /program/channels shows. No query here selects `urlEncrypted`: the page gets the hint.

const PERMISSION = "program.manage";
const POSTS_PER_PAGE = 20;

function scopeOf(actor: SessionActor) {
  if (!can(actor, PERMISSION)) throw new PermissionError();
  return queryScope(actor, PERMISSION);
}

/** The organisations in the actor's scope, parents before their sub-orgs, each with its depth. */
function treeOrder(orgs: OrgNode[], visible: (id: number) => boolean) {
  const children = new Map<number | null, OrgNode[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: (OrgNode & { depth: number })[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      if (visible(o.id)) out.push({ ...o, depth });
      visit(o.id, visible(o.id) ? depth + 1 : depth);
    }
  };
  visit(null, 0);
  return out;
}

/** The organisations a lead may set channels for, with the tools each has set. */
export async function channelOrgs(actor: SessionActor) {
  const scope = scopeOf(actor);
  const [orgs, set] = await Promise.all([
    orgTree(),
    db.channelWebhook.findMany({
      where: tenantWhere(scope, "orgId"),
      select: { orgId: true, tool: true },
      orderBy: { tool: "asc" },
    }),
  ]);
  const tools = new Map<number, ChatTool[]>();
  for (const w of set) tools.set(w.orgId, [...(tools.get(w.orgId) ?? []), w.tool]);
  return treeOrder(orgs, (id) => inTenant(scope, id)).map((o) => ({
    ...o,
    tools: tools.get(o.id) ?? [],
  }));
}

/** One organisation's channels (hints, never URLs), and those of the orgs above it. */
export async function orgChannels(actor: SessionActor, orgId: number) {
  if (!inTenant(scopeOf(actor), orgId)) throw new NotFoundError("organisation");
  const orgs = await orgTree();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const above: number[] = [];
  let parent = byId.get(orgId)?.parentId ?? null;
  while (parent !== null && !above.includes(parent)) {
    above.push(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  const rows = await db.channelWebhook.findMany({
    where: { orgId: { in: [orgId, ...above] } },
    select: { orgId: true, tool: true, urlHint: true, events: true, updatedAt: true },
    orderBy: { tool: "asc" },
  });
  return {
    own: rows.filter((r) => r.orgId === orgId),
    // A parent's channel also hears about this org's events (postToChannels).
    inherited: rows
      .filter((r) => r.orgId !== orgId)
      .map((r) => ({ ...r, orgName: byId.get(r.orgId)?.name ?? "" })),
  };
}

/** One page of an organisation's posts, newest first. */
export async function recentPosts(actor: SessionActor, orgId: number, page: number) {
  const scope = scopeOf(actor);
  const where = { webhook: { orgId, ...tenantWhere(scope, "orgId") } };
  const [posts, total] = await Promise.all([
    db.channelPost.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * POSTS_PER_PAGE,
      take: POSTS_PER_PAGE,
      select: {
        id: true,
        event: true,
        title: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        webhook: { select: { tool: true } },
      },
    }),
    db.channelPost.count({ where }),
  ]);
  return { posts, total, pages: Math.max(1, Math.ceil(total / POSTS_PER_PAGE)) };
}
