import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { addUtcDays, isoDay, startOfUtcDay, todayUtc } from "@/lib/period";
import { readEvidence } from "@/lib/belts/evidence";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { recordAttendance } from "@/lib/server/events/attendance";
import { eventForActor, listEvents } from "@/lib/server/events/queries";
import {
  cancelEvent,
  registerForEvent,
  saveEvent,
  unregisterFromEvent,
} from "@/lib/server/events/service";
import { wall } from "@/lib/server/recognition/service";
import { attendanceSchema, eventSchema } from "@/lib/validations/event";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { guard, logHours } from "./notifications/program-fixture";

beforeEach(async () => {
  await resetDatabase();
});

const inDays = (n: number) => isoDay(addUtcDays(todayUtc(), n));
const form = (v: Record<string, string> = {}) =>
  eventSchema.parse({
    id: "",
    kind: "WORKSHOP",
    title: "Threat modelling workshop",
    description: "Bring a design.",
    date: inDays(10),
    time: "14:00",
    hours: "2",
    capacity: "3",
    orgId: "",
    ...v,
  });

async function world() {
  const parent = await createOrg({ name: "Engineering" });
  const child = await createOrg({ name: "Payments", parentId: parent.id });
  const other = await createOrg({ name: "Retail" });
  const team = await createTeam(child.id);
  const actor = async (roles: Parameters<typeof createUser>[0], orgId: number) =>
    (await loadActor((await createUser(roles, { orgId, teamId: team.id })).id))!;
  return {
    parent,
    child,
    other,
    team,
    lead: await actor(["LEAD"], parent.id),
    guardian: await actor(["GUARDIAN"], child.id),
    builder: await actor(["BUILDER"], child.id),
    outsider: await actor(["GUARDIAN"], other.id),
    manager: await actor(["MANAGER"], parent.id),
  };
}

/** An event that started (saveEvent only plans ahead), with people registered. */
async function pastEvent(
  w: Awaited<ReturnType<typeof world>>,
  data: { kind?: "GAME_DAY" | "CONTEST" | "WORKSHOP"; daysAgo?: number; quarterHours?: number },
  people: number[],
) {
  const event = await db.event.create({
    data: {
      kind: data.kind ?? "GAME_DAY",
      title: "Incident game day",
      startsAt: new Date(addUtcDays(todayUtc(), -(data.daysAgo ?? 1)).getTime() + 9 * 3_600_000),
      quarterHours: data.quarterHours ?? 12,
      capacity: 10,
      orgId: null,
      createdById: w.lead.id,
    },
  });
  const regs = [];
  for (const userId of people)
    regs.push(await db.eventRegistration.create({ data: { eventId: event.id, userId } }));
  return { event, regs };
}

const attendance = (eventId: number, marks: Record<number, string | null>, placings = {}) =>
  attendanceSchema.parse({
    eventId: String(eventId),
    ...Object.fromEntries(
      Object.entries(marks)
        .filter(([, v]) => v)
        .map(([id]) => [`attended-${id}`, "on"]),
    ),
    ...Object.fromEntries(Object.entries(placings).map(([id, p]) => [`placing-${id}`, String(p)])),
  });

describe("planning events", () => {
  it("a lead creates an event for an organisation; a double submit makes one", async () => {
    const w = await world();
    const input = form({ orgId: String(w.child.id), kind: "GAME_DAY" });
    const [a, b] = await Promise.all([saveEvent(w.lead, input), saveEvent(w.lead, input)]);
    expect(b.id).toBe(a.id);
    expect(await db.event.count()).toBe(1);
    expect(a).toMatchObject({ kind: "GAME_DAY", quarterHours: 8, capacity: 3, orgId: w.child.id });
    expect(await db.auditLog.count({ where: { entity: "Event", action: "create" } })).toBe(1);
  });

  it("refuses a start in the past and changes nothing", async () => {
    const w = await world();
    await expect(saveEvent(w.lead, form({ date: inDays(-1) }))).rejects.toThrow(FieldError);
    expect(await db.event.count()).toBe(0);
  });

  it("refuses anyone but a lead", async () => {
    const w = await world();
    for (const who of [w.guardian, w.manager, w.builder])
      await expect(saveEvent(who, form())).rejects.toThrow(PermissionError);
    const e = await saveEvent(w.lead, form());
    await expect(cancelEvent(w.guardian, e.id)).rejects.toThrow(PermissionError);
  });

  it("never lowers the capacity below the places taken; cancelling closes registration", async () => {
    const w = await world();
    const e = await saveEvent(w.lead, form({ capacity: "3" }));
    await registerForEvent(w.guardian, e.id);
    await registerForEvent(w.builder, e.id);
    await expect(saveEvent(w.lead, { ...form({ capacity: "1" }), id: e.id })).rejects.toMatchObject(
      {
        field: "capacity",
        fieldMessage: "2 people are registered: the capacity cannot go below that.",
      },
    );
    await cancelEvent(w.lead, e.id);
    await expect(registerForEvent(w.outsider, e.id)).rejects.toThrow("cancelled");
    await expect(cancelEvent(w.lead, e.id)).rejects.toThrow(DomainError);
  });
});

describe("registration", () => {
  it("holds the capacity under concurrent registration", async () => {
    const w = await world();
    const e = await saveEvent(w.lead, form({ capacity: "3" }));
    const people = await Promise.all(
      Array.from({ length: 8 }, async () => (await loadActor((await createUser(["BUILDER"])).id))!),
    );
    const results = await Promise.allSettled(people.map((p) => registerForEvent(p, e.id)));
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason.message).toBe(
        "This event is full: all 3 places are taken.",
      );
    expect(await db.eventRegistration.count({ where: { eventId: e.id } })).toBe(3);
  });

  it("a double submit registers once; giving up frees the place", async () => {
    const w = await world();
    const e = await saveEvent(w.lead, form({ capacity: "1" }));
    const both = await Promise.all([
      registerForEvent(w.guardian, e.id),
      registerForEvent(w.guardian, e.id),
    ]);
    expect(both.filter((r) => r.created)).toHaveLength(1);
    await expect(registerForEvent(w.builder, e.id)).rejects.toThrow("full");
    expect(await unregisterFromEvent(w.guardian, e.id)).toBe(true);
    expect(await unregisterFromEvent(w.guardian, e.id)).toBe(false);
    expect((await registerForEvent(w.builder, e.id)).created).toBe(true);
  });

  it("scopes to the audience: outside it, the event is neither listed, shown nor open", async () => {
    const w = await world();
    const e = await saveEvent(w.lead, form({ orgId: String(w.parent.id) }));
    // Payments is under Engineering: its people are in the audience.
    expect((await registerForEvent(w.guardian, e.id)).created).toBe(true);
    expect((await listEvents(w.guardian, "upcoming", 1)).events.map((x) => x.id)).toEqual([e.id]);
    expect((await listEvents(w.outsider, "upcoming", 1)).total).toBe(0);
    await expect(eventForActor(w.outsider, e.id)).rejects.toThrow(NotFoundError);
    await expect(registerForEvent(w.outsider, e.id)).rejects.toThrow(NotFoundError);
    await expect(unregisterFromEvent(w.outsider, e.id)).rejects.toThrow(NotFoundError);
    expect(await db.eventRegistration.count()).toBe(1);
    const seen = await eventForActor(w.guardian, e.id);
    expect(seen).toMatchObject({ placesLeft: 2, mine: { attended: false }, people: null });
  });

  it("refuses registration once the event has started", async () => {
    const w = await world();
    const { event } = await pastEvent(w, {}, []);
    await expect(registerForEvent(w.guardian, event.id)).rejects.toThrow("started");
  });
});

describe("attendance", () => {
  it("logs the event's hours as training on its day; unmarking deletes the entry", async () => {
    const w = await world();
    const { event, regs } = await pastEvent(w, { quarterHours: 10 }, [w.guardian.id, w.builder.id]);
    const r = await recordAttendance(w.lead, attendance(event.id, { [regs[0].id]: "on" }));
    expect(r).toMatchObject({ attended: 1, unmarked: 0 });
    const [entry] = await db.activityEntry.findMany({ where: { userId: w.guardian.id } });
    expect(entry).toMatchObject({
      type: "TRAINING",
      quarterHours: 10,
      date: startOfUtcDay(event.startsAt),
      note: "Game day: Incident game day",
      deletedAt: null,
    });
    expect(await db.eventRegistration.findUnique({ where: { id: regs[0].id } })).toMatchObject({
      attended: true,
      entryId: entry.id,
    });
    const version = await db.activityEntryVersion.findFirst({ where: { entryId: entry.id } });
    expect(version?.changedById).toBe(w.lead.id);
    // The same list again changes nothing.
    expect(
      await recordAttendance(w.lead, attendance(event.id, { [regs[0].id]: "on" })),
    ).toMatchObject({
      attended: 0,
      unmarked: 0,
    });
    await recordAttendance(w.lead, attendance(event.id, {}));
    const gone = await db.activityEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(gone.deletedAt).not.toBeNull();
    expect(await db.eventRegistration.findUnique({ where: { id: regs[0].id } })).toMatchObject({
      attended: false,
      entryId: null,
    });
  });

  it("obeys the 24-hour day: one person over it refuses the whole list", async () => {
    const w = await world();
    const { event, regs } = await pastEvent(w, { quarterHours: 12 }, [w.guardian.id, w.builder.id]);
    await logHours(w.builder.id, isoDay(event.startsAt), 22);
    await expect(
      recordAttendance(w.lead, attendance(event.id, { [regs[0].id]: "on", [regs[1].id]: "on" })),
    ).rejects.toThrow(/at most 24 h a day/);
    expect(await db.eventRegistration.count({ where: { attended: true } })).toBe(0);
    expect(await db.activityEntry.count({ where: { type: "TRAINING" } })).toBe(0);
  });

  it("is refused before the event's day, for people not registered, and for non-leads", async () => {
    const w = await world();
    const e = await saveEvent(w.lead, form({ date: inDays(2) }));
    const reg = await registerForEvent(w.guardian, e.id);
    await expect(
      recordAttendance(w.lead, attendance(e.id, { [reg.registration!.id]: "on" })),
    ).rejects.toThrow("day of the event");
    const { event } = await pastEvent(w, {}, [w.guardian.id]);
    await expect(recordAttendance(w.lead, attendance(event.id, { 999999: "on" }))).rejects.toThrow(
      "no longer registered",
    );
    await expect(recordAttendance(w.guardian, attendance(event.id, {}))).rejects.toThrow(
      PermissionError,
    );
  });

  it("attending counts in belt rules: a game day earns the belt, with the event as evidence", async () => {
    const w = await world();
    await guard(w.guardian.id, w.team.id, "2025-01-01");
    await db.beltRule.create({ data: { belt: "WHITE", conditions: [] } });
    await db.beltRule.create({
      data: {
        belt: "YELLOW",
        conditions: [{ type: "events", min: 2, kind: "GAME_DAY", windowMonths: 12 }],
      },
    });
    const one = await pastEvent(w, { daysAgo: 30 }, [w.guardian.id]);
    const two = await pastEvent(w, { daysAgo: 2 }, [w.guardian.id]);
    const workshop = await pastEvent(w, { kind: "WORKSHOP", daysAgo: 3 }, [w.guardian.id]);
    await recordAttendance(w.lead, attendance(one.event.id, { [one.regs[0].id]: "on" }));
    await recordAttendance(w.lead, attendance(workshop.event.id, { [workshop.regs[0].id]: "on" }));
    expect(await db.beltAward.count({ where: { belt: "YELLOW" } })).toBe(0);
    const r = await recordAttendance(w.lead, attendance(two.event.id, { [two.regs[0].id]: "on" }));
    expect(r.awarded).toContainEqual({ userId: w.guardian.id, belt: "YELLOW" });
    const award = await db.beltAward.findFirstOrThrow({ where: { belt: "YELLOW" } });
    const [item] = readEvidence(award.evidence)!.rule;
    expect(item).toMatchObject({ type: "events", current: 2, required: 2 });
    expect(item.records?.map((x) => ("id" in x ? x.id : null))).toEqual([
      two.event.id,
      one.event.id,
    ]);
  });
});

describe("contests", () => {
  it("records placings for attendees and shows them on the recognition wall", async () => {
    const w = await world();
    const { event, regs } = await pastEvent(w, { kind: "CONTEST" }, [w.guardian.id, w.builder.id]);
    await expect(
      recordAttendance(w.lead, attendance(event.id, { [regs[0].id]: null }, { [regs[0].id]: 1 })),
    ).rejects.toThrow("attended");
    await recordAttendance(
      w.lead,
      attendance(
        event.id,
        { [regs[0].id]: "on", [regs[1].id]: "on" },
        { [regs[0].id]: 1, [regs[1].id]: 2 },
      ),
    );
    const items = (await wall()).filter((i) => i.key.startsWith("c"));
    expect(items.map((i) => [i.person.id, i.text])).toEqual([
      [w.guardian.id, "placed 1st in the contest “Incident game day”"],
      [w.builder.id, "placed 2nd in the contest “Incident game day”"],
    ]);
    // Unmarking attendance takes the placing (and the wall item) with it.
    await recordAttendance(
      w.lead,
      attendance(event.id, { [regs[0].id]: "on" }, { [regs[0].id]: 1 }),
    );
    expect((await wall()).filter((i) => i.key.startsWith("c"))).toHaveLength(1);
  });

  it("refuses placings for an event that is not a contest", async () => {
    const w = await world();
    const { event, regs } = await pastEvent(w, { kind: "GAME_DAY" }, [w.guardian.id]);
    await expect(
      recordAttendance(w.lead, attendance(event.id, { [regs[0].id]: "on" }, { [regs[0].id]: 1 })),
    ).rejects.toThrow("Only a contest");
    expect(await db.eventRegistration.count({ where: { attended: true } })).toBe(0);
  });
});
