import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { AlertKind } from "@/lib/vocabulary";

const PAGE_SIZE = 25;

/**
 * Open coverage alerts of the teams the actor runs the program for, newest first: one page of
 * `size` (the home shows the first few), and how many there are.
 */
export async function listOpenAlerts(
  actor: SessionActor,
  opts: { page?: number; size?: number; kind?: AlertKind } = {},
) {
  const { page = 1, size = PAGE_SIZE, kind } = opts;
  const where = {
    closedAt: null,
    ...(kind ? { kind } : {}),
    ...tenantWhere(queryScope(actor, "program.manage"), "team.orgId"),
  };
  const [total, rows] = await Promise.all([
    db.coverageAlert.count({ where }),
    db.coverageAlert.findMany({
      where,
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        kind: true,
        detail: true,
        raisedAt: true,
        team: { select: { id: true, name: true, org: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / size)) };
}

export type OpenAlert = Awaited<ReturnType<typeof listOpenAlerts>>["rows"][number];
