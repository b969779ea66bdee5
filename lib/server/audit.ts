import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSecretField } from "@/lib/redact";

type Tx = Prisma.TransactionClient;

/**
 * Records a change inside the same transaction as the change itself. Returns the entry's id,
 * which names the change (a notification's event key, when the same record changes again).
 */
export async function audit(
  tx: Tx,
  entry: {
    actorId: number | null;
    action: string;
    entity: string;
    entityId: string | number | bigint;
    orgId?: number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<bigint> {
  const { id } = await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      orgId: entry.orgId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true },
  });
  return id;
}

// BigInt and Date values become strings so any row can be stored as JSON. Secret fields
// (a password hash in a whole row passed as `before`, say) are left out: the audit log is
// read on /admin/audit and carried in backups.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (k, v) =>
      k !== "" && isSecretField(k) ? undefined : typeof v === "bigint" ? v.toString() : v,
    ),
  ) as Prisma.InputJsonValue;
}
