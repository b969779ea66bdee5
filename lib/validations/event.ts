import { z } from "zod";
import { isQuarterHourStep } from "@/lib/hours";
import { EVENT_KIND } from "@/lib/vocabulary";
import { hasControlCharacter, formNumber, optionalRecordId, recordId } from "./fields";

// Workshops, game days, challenges and contests (docs/events.md). The form gives the start as a
// UTC day and time (the app shows every time in UTC, lib/format.ts).

// The attendance list is one form of every registered person, so an event stays a room, not a
// conference: at most 500 places.
export const MAX_CAPACITY = 500;
/** Contest placings: 1st, 2nd and 3rd (decision 0021). */
export const PLACINGS = [1, 2, 3] as const;

const DURATION = "Enter the duration in hours, e.g. 1.5";
const duration = z
  .number(DURATION)
  .refine((h) => h > 0, "The duration must be more than 0 hours")
  .refine((h) => h <= 24, "An event lasts at most 24 hours")
  .refine((h) => isQuarterHourStep(h), "Use quarter-hour steps: 0.25, 0.5, 0.75…");

const CAPACITY = "Enter how many people can take part, e.g. 20";
const capacity = z
  .int(CAPACITY)
  .min(1, "An event has room for at least 1 person")
  .max(MAX_CAPACITY, `At most ${MAX_CAPACITY} places`);

export const eventSchema = z
  .object({
    id: optionalRecordId("No such event"),
    kind: z.enum(EVENT_KIND.values, "Choose what kind of event it is"),
    title: z
      .string("Give the event a title")
      .trim()
      .min(3, "Give the event a title")
      .max(150, "Keep the title under 150 characters")
      .refine((v) => !hasControlCharacter(v), "Keep the title on one line"),
    description: z
      .string()
      .trim()
      .max(2000, "Keep the description under 2,000 characters")
      .default(""),
    date: z.iso
      .date("Enter a date like 2026-12-31")
      .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Enter a date this century"),
    time: z.iso.time({ precision: -1, error: "Enter a time like 14:00" }),
    hours: formNumber(duration),
    capacity: formNumber(capacity),
    orgId: optionalRecordId("Choose an organisation"),
  })
  .transform(({ date, time, ...rest }) => ({
    ...rest,
    startsAt: new Date(`${date}T${time}:00.000Z`),
  }));
export type EventInput = z.output<typeof eventSchema>;

export const eventIdSchema = z.object({ eventId: recordId("Choose an event") });

const placing = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  formNumber(
    z.int("Choose a placing").min(1, "Choose a placing").max(3, "Choose a placing"),
  ).nullable(),
);

/**
 * The attendance form: one checkbox `attended-<registration id>` per registered person (sent
 * only when ticked) and, for a contest, a `placing-<registration id>` (empty, 1, 2 or 3).
 */
export const attendanceSchema = z
  .object({ eventId: recordId("Choose an event") })
  .catchall(z.string().max(20, "Unexpected value"))
  .transform((fields, ctx) => {
    const marks = new Map<number, { attended: boolean; placing: number | null }>();
    const mark = (id: number) => {
      if (!marks.has(id)) marks.set(id, { attended: false, placing: null });
      return marks.get(id)!;
    };
    for (const [key, value] of Object.entries(fields)) {
      const m = /^(attended|placing)-([1-9]\d{0,9})$/.exec(key);
      if (key === "eventId" || key.startsWith("$ACTION")) continue;
      if (!m) {
        ctx.addIssue({ code: "custom", path: [key], message: "Unexpected field" });
        continue;
      }
      const id = Number(m[2]);
      if (m[1] === "attended") mark(id).attended = value === "on";
      else {
        const parsed = placing.safeParse(value);
        if (!parsed.success)
          ctx.addIssue({ code: "custom", path: [key], message: "Choose a placing" });
        else mark(id).placing = parsed.data as number | null;
      }
    }
    return { eventId: fields.eventId as number, marks };
  });
export type AttendanceInput = z.output<typeof attendanceSchema>;
