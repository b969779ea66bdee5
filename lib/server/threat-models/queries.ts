import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PermissionError } from "@/lib/server/errors";
import type { ThreatModelStatus } from "@/lib/vocabulary";

export const PAGE_SIZE = 25;
export type ThreatModelFilter = {
  team?: number;
  status?: ThreatModelStatus;
  flagged?: boolean;
};

// Undocumented: status none, or planned/implemented without mitigation text (lib/threat-models/rules.ts).
const undocumented: Prisma.ThreatWhereInput = {
  OR: [
    { mitigationStatus: "NONE" },
    {
      mitigationStatus: { in: ["PLANNED", "IMPLEMENTED"] },
      OR: [{ mitigation: null }, { mitigation: "" }],
    },
  ],
};

function inScope(actor: SessionActor): Prisma.ThreatModelWhereInput {
  if (!can(actor, "threatmodel.read")) throw new PermissionError();
  return tenantWhere(queryScope(actor, "threatmodel.read"), "team.orgId");
}

/** A page of the threat models the actor may read, newest first, with their undocumented threats counted. */
export async function listThreatModels(actor: SessionActor, f: ThreatModelFilter, page: number) {
  const where: Prisma.ThreatModelWhereInput = {
    AND: [
      inScope(actor),
      f.team ? { teamId: f.team } : {},
      f.status ? { status: f.status } : {},
      f.flagged ? { threats: { some: undocumented } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.threatModel.count({ where }),
    db.threatModel.findMany({
      where,
      orderBy: [{ createdOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        key: true,
        system: true,
        status: true,
        createdOn: true,
        team: { select: { name: true } },
        _count: { select: { threats: true } },
        threats: { where: undocumented, select: { id: true } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * One threat model with its threats, authors (and their guardian memberships), comments and
 * ratings; another org's answers as missing.
 */
export async function getThreatModel(actor: SessionActor, id: number) {
  return db.threatModel.findFirst({
    where: { id, ...inScope(actor) },
    include: {
      team: { select: { name: true, orgId: true } },
      threats: { orderBy: { id: "asc" } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      authors: {
        include: {
          user: {
            select: {
              id: true,
              name: true,
              memberships: {
                where: { activeOn: { not: null } },
                select: { teamId: true, activeOn: true, leftOn: true },
              },
            },
          },
        },
      },
      feedback: { select: { guardianId: true, rating: true, comment: true } },
    },
  });
}
