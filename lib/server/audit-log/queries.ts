import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";
import { PermissionError } from "@/lib/server/errors";
import { addUtcDays, parseIsoDay } from "@/lib/period";
import { describeAudit } from "@/lib/audit/describe";
import { auditChanges } from "@/lib/audit/diff";
import { auditNames } from "./names";

export const PAGE_SIZE = 50;

/**
 * One page of entries, newest first unless `sort` asks for the oldest (by id: the insertion order),
 * each as a sentence with names and its changed fields (lib/audit), names looked up in batches.
 */
export async function listAuditEntries(
  actor: SessionActor,
  filter: AuditFilter,
  page: number,
  sort: Sort = { key: "at", desc: true },
) {
  if (!can(actor, "audit.read")) throw new PermissionError();
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: { email: { contains: filter.actor, mode: "insensitive" } } } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: parseIsoDay(filter.from) } : {}),
            ...(filter.to ? { lt: addUtcDays(parseIsoDay(filter.to), 1) } : {}),
          },
        }
      : {}),
  };
  const [total, entries, entities] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: sort.desc ? "desc" : "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        actorId: true,
        entity: true,
        entityId: true,
        before: true,
        after: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    db.auditLog.groupBy({ by: ["entity"], orderBy: { entity: "asc" } }),
  ]);
  const names = await auditNames(entries);
  return {
    total,
    entries: entries.map((e) => ({
      ...e,
      sentence: describeAudit({ ...e, actorName: e.actor?.name ?? null }, names),
      changes: auditChanges(e.entity, e.before, e.after, names),
    })),
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    entities: entities.map((e) => e.entity),
  };
}
