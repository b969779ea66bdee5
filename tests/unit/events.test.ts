import { describe, expect, it } from "vitest";
import { evaluateCondition, evaluateRule, type BeltFacts } from "@/lib/belts/evaluate";
import type { BeltName } from "@/lib/belts/default-rules";
import { renewalChecks } from "@/lib/belts/renewal";
import { withRecords } from "@/lib/belts/evidence";
import {
  attendanceChanges,
  attendanceProblem,
  changeProblem,
  eventPhase,
  placesLeft,
  placingLabel,
  registrationProblem,
  unregistrationProblem,
} from "@/lib/events/rules";
import { attendanceSchema, eventSchema } from "@/lib/validations/event";
import { eventRow } from "@/lib/transfer/backup/schema-events";
import { beltConditionSchema, type BeltCondition } from "@/lib/validations/belt-rule";

const now = new Date("2026-12-07T10:00:00Z");
const at = (iso: string) => new Date(iso);
const event = (startsAt: string, over: { capacity?: number; cancelledAt?: Date | null } = {}) => ({
  startsAt: at(startsAt),
  cancelledAt: over.cancelledAt ?? null,
  capacity: over.capacity ?? 2,
});

describe("event phases and places", () => {
  it("is upcoming until the start, started from it, cancelled above all", () => {
    expect(eventPhase(event("2026-12-07T10:00:01Z"), now)).toBe("upcoming");
    expect(eventPhase(event("2026-12-07T10:00:00Z"), now)).toBe("started");
    expect(eventPhase(event("2026-12-09T10:00:00Z", { cancelledAt: now }), now)).toBe("cancelled");
  });

  it("never shows fewer than 0 places", () => {
    expect(placesLeft(5, 3)).toBe(2);
    expect(placesLeft(2, 3)).toBe(0);
  });
});

describe("registration", () => {
  const upcoming = event("2026-12-08T09:00:00Z", { capacity: 2 });

  it("takes a place while places are left, before the start", () => {
    expect(registrationProblem(upcoming, now, 0)).toBeNull();
    expect(registrationProblem(upcoming, now, 1)).toBeNull();
  });

  it("refuses a full event, naming the capacity", () => {
    expect(registrationProblem(upcoming, now, 2)).toBe(
      "This event is full: all 2 places are taken.",
    );
    expect(registrationProblem({ ...upcoming, capacity: 1 }, now, 1)).toBe(
      "This event is full: its only place is taken.",
    );
  });

  it("refuses once the event has started, or when cancelled", () => {
    expect(registrationProblem(event("2026-12-07T09:59:00Z"), now, 0)).toMatch(/started/);
    expect(
      registrationProblem(event("2026-12-08T09:00:00Z", { cancelledAt: now }), now, 0),
    ).toMatch(/cancelled/);
  });

  it("gives up a place only before the start", () => {
    expect(unregistrationProblem(upcoming, now)).toBeNull();
    expect(unregistrationProblem(event("2026-12-07T09:00:00Z"), now)).toMatch(/started/);
  });

  it("lets a lead change an event only before it starts, never below the places taken", () => {
    expect(changeProblem(upcoming, now, 3, 3)).toBeNull();
    expect(changeProblem(upcoming, now, 3, 2)).toMatch(/3 people are registered/);
    expect(changeProblem(event("2026-12-06T09:00:00Z"), now, 0)).toMatch(/started/);
  });
});

describe("attendance", () => {
  it("opens on the event's UTC day, never for a cancelled event", () => {
    expect(attendanceProblem(event("2026-12-07T23:00:00Z"), now)).toBeNull();
    expect(attendanceProblem(event("2026-12-08T00:00:00Z"), now)).toMatch(/day of the event/);
    expect(attendanceProblem(event("2026-12-01T09:00:00Z", { cancelledAt: now }), now)).toMatch(
      /cancelled/,
    );
  });

  const regs = [
    { id: 1, attended: false, placing: null },
    { id: 2, attended: true, placing: null },
    { id: 3, attended: true, placing: 1 },
  ];
  const marks = (m: Record<number, [boolean, number | null]>) =>
    new Map(
      Object.entries(m).map(([k, [attended, placing]]) => [Number(k), { attended, placing }]),
    );

  it("reads the whole list: ticked newly attend, unticked are unmarked", () => {
    const c = attendanceChanges(regs, marks({ 1: [true, null], 3: [true, 1] }), true);
    expect(c).toEqual({ attend: [1], unattend: [2], placings: [], problem: null });
  });

  it("changes placings of a contest, and clears them with attendance", () => {
    const c = attendanceChanges(regs, marks({ 1: [true, 2], 2: [true, null] }), true);
    expect(c.placings).toEqual([
      { id: 1, placing: 2 },
      { id: 3, placing: null },
    ]);
    expect(c.unattend).toEqual([3]);
  });

  it("refuses placings outside contests, placings without attendance, strangers", () => {
    expect(attendanceChanges(regs, marks({ 1: [true, 1] }), false).problem).toMatch(
      /Only a contest/,
    );
    expect(attendanceChanges(regs, marks({ 1: [false, 1] }), true).problem).toMatch(/attended/);
    expect(attendanceChanges(regs, marks({ 9: [true, null] }), true).problem).toMatch(
      /no longer registered/,
    );
  });

  it("labels placings", () => {
    expect([1, 2, 3].map(placingLabel)).toEqual(["1st", "2nd", "3rd"]);
  });
});

describe("event form", () => {
  const base = {
    id: "",
    kind: "GAME_DAY",
    title: "Incident game day",
    description: "",
    date: "2026-12-20",
    time: "14:30",
    hours: "3.5",
    capacity: "12",
    orgId: "",
  };

  it("reads the start as UTC and the duration in quarter hours", () => {
    const parsed = eventSchema.parse(base);
    expect(parsed.startsAt.toISOString()).toBe("2026-12-20T14:30:00.000Z");
    expect(parsed).toMatchObject({ hours: 3.5, capacity: 12, orgId: null, id: null });
  });

  it.each([
    [{ capacity: "0" }, "capacity", "An event has room for at least 1 person"],
    [{ capacity: "501" }, "capacity", "At most 500 places"],
    [{ capacity: "1e1" }, "capacity", "Enter how many people can take part, e.g. 20"],
    [{ hours: "1.1" }, "hours", "Use quarter-hour steps: 0.25, 0.5, 0.75…"],
    [{ hours: "0" }, "hours", "The duration must be more than 0 hours"],
    [{ time: "25:00" }, "time", "Enter a time like 14:00"],
    [{ date: "2026-02-30" }, "date", "Enter a date like 2026-12-31"],
    [{ kind: "PARTY" }, "kind", "Choose what kind of event it is"],
    [{ title: "a\tb c" }, "title", "Keep the title on one line"],
  ])("refuses %o on its field", (change, field, message) => {
    const r = eventSchema.safeParse({ ...base, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it("reads the attendance list and refuses unknown fields and placings", () => {
    const ok = attendanceSchema.parse({ eventId: "4", "attended-7": "on", "placing-7": "2" });
    expect(ok.eventId).toBe(4);
    expect(ok.marks.get(7)).toEqual({ attended: true, placing: 2 });
    expect(attendanceSchema.safeParse({ eventId: "4", "placing-7": "4" }).success).toBe(false);
    expect(attendanceSchema.safeParse({ eventId: "4", "attended-x": "on" }).success).toBe(false);
    expect(attendanceSchema.safeParse({ eventId: "4", toString: "on" }).success).toBe(false);
  });
});

describe("belt condition: events attended", () => {
  const today = new Date("2026-12-07T00:00:00Z");
  const facts = (events: BeltFacts["events"]): BeltFacts => ({
    completedCourses: new Set(),
    requiredCourses: [],
    reviews: 0,
    threatModels: 0,
    hours: [],
    ratings: [],
    mentees: 0,
    heldBelts: new Set<BeltName>(),
    events,
  });
  const gameDays2in12: BeltCondition = {
    type: "events",
    min: 2,
    kind: "GAME_DAY",
    windowMonths: 12,
  };
  const attended = facts([
    { date: new Date("2026-12-07T00:00:00Z"), kind: "GAME_DAY" },
    { date: new Date("2025-12-08T00:00:00Z"), kind: "GAME_DAY" },
    { date: new Date("2025-12-07T00:00:00Z"), kind: "GAME_DAY" }, // 12 months ago: out
    { date: new Date("2026-06-01T00:00:00Z"), kind: "WORKSHOP" },
    { date: new Date("2026-12-08T00:00:00Z"), kind: "GAME_DAY" }, // tomorrow: not yet
  ]);

  it("counts events of the kind in the window, with a label that says so", () => {
    const r = evaluateCondition(gameDays2in12, attended, "GREEN", today);
    expect(r).toMatchObject({
      label: "Attend game days in the last 12 months",
      current: 2,
      required: 2,
      met: true,
    });
  });

  it("counts any kind without a kind, all time without a window", () => {
    expect(evaluateCondition({ type: "events", min: 5 }, attended, "GREEN", today)).toMatchObject({
      current: 4,
      met: false,
      label: "Attend workshops, game days or contests",
    });
    expect(
      evaluateCondition({ type: "events", min: 1, kind: "CONTEST" }, attended, "GREEN", today)
        .current,
    ).toBe(0);
    expect(evaluateCondition(gameDays2in12, facts(undefined), "GREEN", today).met).toBe(false);
  });

  it("is a valid rule condition, with its limits", () => {
    expect(beltConditionSchema.safeParse(gameDays2in12).success).toBe(true);
    expect(beltConditionSchema.safeParse({ ...gameDays2in12, min: 0 }).success).toBe(false);
    expect(beltConditionSchema.safeParse({ ...gameDays2in12, kind: "PARTY" }).success).toBe(false);
    expect(beltConditionSchema.safeParse({ ...gameDays2in12, windowMonths: 121 }).success).toBe(
      false,
    );
  });

  it("renews a belt whose renewal asks for events, and only then", () => {
    const validity = { validityMonths: 12, renewal: [gameDays2in12] };
    const rules = { WHITE: [], YELLOW: [], GREEN: [], BLACK: [] };
    const validities = {
      WHITE: { validityMonths: null, renewal: [] },
      YELLOW: validity,
      GREEN: { validityMonths: null, renewal: [] },
      BLACK: { validityMonths: null, renewal: [] },
    };
    const periods = [
      {
        belt: "YELLOW" as const,
        awardedOn: new Date("2025-12-20T00:00:00Z"),
        expiresOn: new Date("2026-12-20T00:00:00Z"),
        revokedAt: null,
      },
    ];
    const person = (f: BeltFacts) => ({ ...f, periods, revoked: new Set<BeltName>() });
    const [yes] = renewalChecks(rules, validities, person(attended), today);
    expect(yes.result.met).toBe(true);
    const [no] = renewalChecks(rules, validities, person(facts([])), today);
    expect(no.result.met).toBe(false);
  });

  it("shows the events counted as evidence, of the kind and in the window", () => {
    const result = evaluateRule("GREEN", [gameDays2in12], attended, today);
    const record = (id: number, eventKind: string, on: string) => ({
      kind: "event" as const,
      id,
      name: `Event ${id}`,
      eventKind,
      on,
    });
    const [item] = withRecords(
      result,
      {
        reviews: [],
        threatModels: [],
        courses: [],
        mentees: [],
        ratings: 0,
        events: [
          record(1, "GAME_DAY", "2026-12-07"),
          record(2, "WORKSHOP", "2026-06-01"),
          record(3, "GAME_DAY", "2025-12-08"),
          record(4, "GAME_DAY", "2025-12-07"),
        ],
      },
      today,
    );
    expect(item.records?.map((r) => ("id" in r ? r.id : null))).toEqual([1, 3]);
  });
});

describe("a backup's events (program.json) obey the same rules", () => {
  const row = (over: Record<string, unknown> = {}) => ({
    kind: "CONTEST",
    title: "Capture the flag",
    description: "",
    startsAt: "2026-10-23T13:00:00Z",
    hours: 3,
    capacity: 2,
    org: null,
    cancelledAt: null,
    createdBy: "lead@example.test",
    createdAt: "2026-09-01T10:00:00Z",
    registrations: [
      { email: "a@example.test", registeredAt: "2026-10-01T10:00:00Z", attended: true, placing: 1 },
      { email: "b@example.test", registeredAt: "2026-10-02T10:00:00Z", attended: false },
    ],
    ...over,
  });
  const problem = (over: Record<string, unknown>) => {
    const r = eventRow.safeParse(row(over));
    return r.success ? null : r.error.issues.map((i) => i.message).join("; ");
  };

  it("reads a contest with its places and placings", () => {
    expect(eventRow.parse(row())).toMatchObject({
      capacity: 2,
      registrations: [{ placing: 1 }, {}],
    });
  });

  it.each([
    [{ capacity: 1 }, "2 people registered for 1 places"],
    [{ capacity: 501 }, "At most 500 places"],
    [{ hours: 1.1 }, "Use quarter-hour steps: 0.25, 0.5, 0.75…"],
    [{ hours: 0 }, "An event lasts more than 0 and at most 24 hours"],
    [{ kind: "WORKSHOP" }, "A placing goes to someone who attended a contest"],
    [{ startsAt: "2099-01-01T10:00:00Z" }, "outside the dates the app accepts"],
    [{ startsAt: "2030-01-01T10:00:00Z" }, "Attendance is recorded from the day of the event."],
    [
      { cancelledAt: "2026-10-20T10:00:00Z" },
      "Attendance recorded where it cannot be: This event was cancelled.",
    ],
    [
      {
        registrations: [
          { email: "a@example.test", registeredAt: "2026-10-01T10:00:00Z", attended: false },
          { email: "A@example.test", registeredAt: "2026-10-01T10:00:00Z", attended: false },
        ],
      },
      "a@example.test is registered twice",
    ],
  ])("refuses %o", (over, message) => {
    expect(problem(over)).toContain(message);
  });
});
