import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { attendanceChanges, attendanceProblem } from "@/lib/events/rules";
import { startOfUtcDay } from "@/lib/period";
import type { AttendanceInput } from "@/lib/validations/event";
import { EVENT_KIND } from "@/lib/vocabulary";
import { deleteActivityFor, logActivityFor } from "@/lib/server/activity/service";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { lockedEvent } from "./service";

/**
 * A lead records who attended (the whole list at once) and, for a contest, the placings.
 * Attending logs the event's hours for the person on its day, as TRAINING, through the activity
 * service's rules (at most 24 h a day: a person who would pass it refuses the whole submit);
 * unmarking deletes that entry. Everyone whose attendance changed has their belts re-evaluated.
 */
export async function recordAttendance(actor: SessionActor, input: AttendanceInput) {
  if (!can(actor, "event.manage")) throw new PermissionError();
  const changed = await db.$transaction(async (tx) => {
    const event = await lockedEvent(tx, actor, input.eventId);
    const problem = attendanceProblem(event, new Date());
    if (problem) throw new DomainError(problem);
    const registrations = await tx.eventRegistration.findMany({
      where: { eventId: event.id },
      select: {
        id: true,
        userId: true,
        attended: true,
        placing: true,
        entryId: true,
        user: { select: { name: true } },
      },
    });
    const changes = attendanceChanges(registrations, input.marks, event.kind === "CONTEST");
    if (changes.problem) throw new DomainError(changes.problem);
    const byId = new Map(registrations.map((r) => [r.id, r]));
    const note = `${EVENT_KIND.label(event.kind)}: ${event.title}`.slice(0, 500);
    const date = startOfUtcDay(event.startsAt);
    for (const id of changes.unattend) {
      const r = byId.get(id)!;
      if (r.entryId !== null) await deleteActivityFor(tx, actor.id, r.entryId);
      await tx.eventRegistration.update({
        where: { id },
        data: { attended: false, entryId: null, placing: null },
      });
    }
    for (const id of changes.attend) {
      const r = byId.get(id)!;
      const entry = await logActivityFor(tx, actor.id, {
        userId: r.userId,
        date,
        quarterHours: event.quarterHours,
        type: "TRAINING",
        note,
      }).catch((error: unknown) => {
        if (error instanceof DomainError)
          throw new DomainError(`${r.user.name}: ${error.message} Nothing was saved.`);
        throw error;
      });
      await tx.eventRegistration.update({
        where: { id },
        data: { attended: true, entryId: entry.id },
      });
    }
    for (const p of changes.placings)
      await tx.eventRegistration.update({ where: { id: p.id }, data: { placing: p.placing } });
    const userIds = [...changes.attend, ...changes.unattend].map((id) => byId.get(id)!.userId);
    if (userIds.length || changes.placings.length)
      await audit(tx, {
        actorId: actor.id,
        action: "attendance",
        entity: "Event",
        entityId: event.id,
        orgId: event.orgId,
        after: {
          attended: changes.attend.map((id) => byId.get(id)!.userId),
          unmarked: changes.unattend.map((id) => byId.get(id)!.userId),
          placings: changes.placings.map((p) => ({
            userId: byId.get(p.id)!.userId,
            placing: p.placing,
          })),
        },
      });
    return {
      userIds,
      attended: changes.attend.length,
      unmarked: changes.unattend.length,
      placings: changes.placings.length,
    };
  });
  // After the commit, as every other fact change does (lib/server/belts/service.ts).
  const awarded = changed.userIds.length ? await reevaluateBelts(changed.userIds, actor.id) : [];
  return { ...changed, awarded };
}
