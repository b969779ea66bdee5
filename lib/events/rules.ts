// The rules of workshops, game days, challenges and contests (docs/events.md). Pure: the server
// passes the event, the moment and the counts; no database.
import { startOfUtcDay } from "@/lib/period";

type EventTimes = { startsAt: Date; cancelledAt: Date | null };

export type EventPhase = "upcoming" | "started" | "cancelled";

/** Upcoming until it starts; then started (attendance and results can be recorded). */
export function eventPhase(event: EventTimes, now: Date): EventPhase {
  if (event.cancelledAt) return "cancelled";
  return event.startsAt.getTime() > now.getTime() ? "upcoming" : "started";
}

/** Places still free (never below 0: a lead may lower the capacity only to the places taken). */
export const placesLeft = (capacity: number, taken: number) => Math.max(0, capacity - taken);

/**
 * Why a person may not register now, or null. Checked again under the event's row lock, so the
 * count of places taken is exact.
 */
export function registrationProblem(
  event: EventTimes & { capacity: number },
  now: Date,
  taken: number,
): string | null {
  const phase = eventPhase(event, now);
  if (phase === "cancelled") return "This event was cancelled.";
  if (phase === "started") return "Registration closed when the event started.";
  if (taken >= event.capacity) return fullMessage(event.capacity);
  return null;
}

/** What a full event says, on its page and when a registration is refused. */
export const fullMessage = (capacity: number) =>
  capacity === 1
    ? "This event is full: its only place is taken."
    : `This event is full: all ${capacity} places are taken.`;

/** Why a person may not give up their place now, or null. */
export function unregistrationProblem(event: EventTimes, now: Date): string | null {
  const phase = eventPhase(event, now);
  if (phase === "cancelled") return "This event was cancelled.";
  if (phase === "started") return "The event has started: your place can no longer be given up.";
  return null;
}

/** Why a lead may not edit or cancel the event now, or null (only before it starts). */
export function changeProblem(event: EventTimes, now: Date, registered: number, capacity?: number) {
  const phase = eventPhase(event, now);
  if (phase === "cancelled") return "This event was cancelled.";
  if (phase === "started")
    return "The event has started: record attendance instead of changing it.";
  if (capacity !== undefined && capacity < registered)
    return `${registered} people are registered: the capacity cannot go below that.`;
  return null;
}

/**
 * Why attendance may not be recorded now, or null: from the day the event starts (UTC), never
 * for a cancelled one. Hours are never logged for a day ahead.
 */
export function attendanceProblem(event: EventTimes, now: Date): string | null {
  if (event.cancelledAt) return "This event was cancelled.";
  if (startOfUtcDay(event.startsAt).getTime() > startOfUtcDay(now).getTime())
    return "Attendance is recorded from the day of the event.";
  return null;
}

type Registration = { id: number; attended: boolean; placing: number | null };
type Mark = { attended: boolean; placing: number | null };

type AttendanceChanges = {
  attend: number[];
  unattend: number[];
  placings: { id: number; placing: number | null }[];
  problem: string | null;
};

/**
 * What one submit of the attendance list changes: the whole list is sent, so an unticked box
 * unmarks a person. Marks for anyone not registered are refused; a placing needs attendance and
 * a contest.
 */
export function attendanceChanges(
  registrations: Registration[],
  marks: Map<number, Mark>,
  contest: boolean,
): AttendanceChanges {
  const out: AttendanceChanges = { attend: [], unattend: [], placings: [], problem: null };
  const known = new Set(registrations.map((r) => r.id));
  if ([...marks.keys()].some((id) => !known.has(id)))
    return { ...out, problem: "Someone on the list is no longer registered: reload the page." };
  for (const r of registrations) {
    const mark = marks.get(r.id) ?? { attended: false, placing: null };
    if (mark.placing !== null && !contest)
      return { ...out, problem: "Only a contest has placings." };
    if (mark.placing !== null && !mark.attended)
      return { ...out, problem: "A placing goes to someone who attended: tick them first." };
    if (mark.attended && !r.attended) out.attend.push(r.id);
    if (!mark.attended && r.attended) out.unattend.push(r.id);
    if (mark.placing !== r.placing) out.placings.push({ id: r.id, placing: mark.placing });
  }
  return out;
}

/**
 * Why an event's recorded places cannot stand, or null: the rules the services keep, checked
 * where a whole event arrives at once (a restored backup). More people than places, someone
 * twice, attendance before the event's day or at a cancelled one, a placing outside a contest
 * or without attendance.
 */
export function recordedEventProblem(
  event: EventTimes & { capacity: number; kind: string },
  registrations: { email: string; attended: boolean; placing: number | null }[],
  now: Date,
): string | null {
  if (registrations.length > event.capacity)
    return `${registrations.length} people registered for ${event.capacity} places`;
  const emails = registrations.map((r) => r.email);
  const twice = emails.find((e, i) => emails.indexOf(e) !== i);
  if (twice) return `${twice} is registered twice`;
  const attended = registrations.filter((r) => r.attended);
  if (attended.length && attendanceProblem(event, now))
    return `Attendance recorded where it cannot be: ${attendanceProblem(event, now)}`;
  if (registrations.some((r) => r.placing !== null && (!r.attended || event.kind !== "CONTEST")))
    return "A placing goes to someone who attended a contest";
  return null;
}

/** "1st", "2nd", "3rd". */
export const placingLabel = (placing: number) =>
  placing === 1 ? "1st" : placing === 2 ? "2nd" : `${placing}rd`;
