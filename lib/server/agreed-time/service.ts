import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { shareToQuarterHours } from "@/lib/agreed-time/rules";
import { toQuarterHours } from "@/lib/hours";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import type { TimeAgreementInput } from "@/lib/validations/time-agreement";

/**
 * A guardian's manager (their organisation's, `time.agree` in scope "org") or a program lead
 * records the time agreed from a month on. Nothing is overwritten: a new row takes over from its
 * month (docs/decisions/0018). A share is converted to hours now, so the hours agreed stay as
 * they were agreed. The same agreement sent twice (a double submit) is recorded once.
 */
export async function recordTimeAgreement(
  actor: SessionActor,
  input: TimeAgreementInput,
): Promise<{ id: number; created: boolean; name: string }> {
  if (!can(actor, "time.agree")) throw new PermissionError();
  const person = await db.user.findUnique({
    where: { id: input.userId },
    select: {
      id: true,
      name: true,
      orgId: true,
      deactivatedAt: true,
      memberships: { where: { status: "ACTIVE" }, select: { id: true } },
    },
  });
  if (!person || !can(actor, "time.agree", { orgId: person.orgId }))
    throw new NotFoundError("person");
  if (person.id === actor.id)
    throw new DomainError(
      "You cannot agree your own time: your manager or a program lead records it.",
    );
  if (person.deactivatedAt || person.memberships.length === 0)
    throw new DomainError(
      `${person.name} is not an active guardian: time is agreed with guardians.`,
    );
  const sharePercent = input.basis === "share" ? input.sharePercent! : null;
  const monthlyQuarterHours =
    sharePercent === null ? toQuarterHours(input.hours!) : shareToQuarterHours(sharePercent);
  const effectiveFrom = new Date(`${input.effectiveFrom}-01T00:00:00Z`);
  return db.$transaction(async (tx) => {
    // One writer per person at a time, so a double submit finds the first one's row.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${person.id} FOR UPDATE`;
    const latest = await tx.timeAgreement.findFirst({
      where: { userId: person.id, effectiveFrom },
      orderBy: { id: "desc" },
    });
    if (
      latest &&
      latest.monthlyQuarterHours === monthlyQuarterHours &&
      latest.sharePercent === sharePercent &&
      latest.note === input.note
    )
      return { id: latest.id, created: false, name: person.name };
    const row = await tx.timeAgreement.create({
      data: {
        userId: person.id,
        effectiveFrom,
        sharePercent,
        monthlyQuarterHours,
        note: input.note,
        recordedById: actor.id,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "TimeAgreement",
      entityId: row.id,
      orgId: person.orgId,
      before: latest,
      after: row,
    });
    return { id: row.id, created: true, name: person.name };
  });
}
