// zod schemas for single values of program.json, each turning its input into one canonical
// form, so a value read from the file and the same value read from the database compare equal.
import { z } from "zod";
import { formatDay, formatInstant, parseIsoInstant } from "@/lib/transfer/spreadsheet/values";
import { isQuarterHourStep } from "@/lib/hours";
import {
  CONTROL_MESSAGE,
  EARLIEST_DAY,
  hasControlCharacter,
  hasLoneSurrogate,
  isDayInWindow,
  LONE_SURROGATE_MESSAGE,
} from "@/lib/validations/fields";

/** A nullable field that may also be left out (then null). */
export const opt = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v) => (v ?? null) as z.output<T> | null);

// PostgreSQL text and jsonb cannot hold a NUL character, nor jsonb half a surrogate pair (which
// only JSON can carry), so a record with one is refused by name.
const NUL_MESSAGE = "Contains a NUL character (\\u0000), which cannot be stored";
const noNul = (v: string) => !v.includes("\u0000");
const storable = <T extends z.ZodType<string, unknown>>(schema: T) =>
  schema.refine(noNul, NUL_MESSAGE).refine((v) => !hasLoneSurrogate(v), LONE_SURROGATE_MESSAGE);

export const key = (what: string) =>
  storable(z.string(`Give the ${what}`).trim().min(1, `Give the ${what}`));
/** The key or name of an organisation or team: one line, as the forms and the CSV files want it. */
export const oneLine = <T extends z.ZodType<string, unknown>>(schema: T) =>
  schema.refine((v) => !hasControlCharacter(v), CONTROL_MESSAGE);
export const email = z
  .string("Give an email address")
  .trim()
  .toLowerCase()
  .pipe(z.email("Not a valid email address"));
// No length limits beyond the database's: whatever the database holds must restore.
export const text = () => storable(z.string("Give a text"));

// Dates of what happened fall from 2000 to tomorrow, as everywhere in the app; a survey's dates
// are planned, so may lie ahead (up to ten years).
const PLANNED_YEARS = 10;
const inWindow = (ms: number, planned: boolean) => {
  const d = formatDay(ms);
  if (!planned) return isDayInWindow(d);
  const latest = new Date();
  latest.setUTCFullYear(latest.getUTCFullYear() + PLANNED_YEARS);
  return d >= EARLIEST_DAY && d <= formatDay(latest);
};

const dateText = (format: (ms: number) => string, planned = false) =>
  z.string("Give a date").transform((v, ctx) => {
    const ms = parseIsoInstant(v.trim());
    if (ms === null) {
      ctx.addIssue({
        code: "custom",
        message: `“${v.slice(0, 40)}” is not an ISO 8601 date, e.g. 2026-03-31 or 2026-03-31T14:05:00Z`,
      });
      return z.NEVER;
    }
    if (!inWindow(ms, planned)) {
      ctx.addIssue({
        code: "custom",
        message: `“${v.slice(0, 40)}” is outside the dates the app accepts: from ${EARLIEST_DAY} to ${planned ? `${PLANNED_YEARS} years ahead` : "tomorrow"}`,
      });
      return z.NEVER;
    }
    return format(ms);
  });

/** A calendar day, `2026-03-31`. */
export const day = dateText(formatDay);
/** A planned calendar day (a survey's opening and closing), which may lie ahead. */
export const plannedDay = dateText(formatDay, true);
/** An instant, `2026-03-31T14:05:00Z` (milliseconds only when there are some). */
export const instant = dateText(formatInstant);
/** A planned instant (an event's start), which may lie ahead. */
export const plannedInstant = dateText(formatInstant, true);

/** Hours in quarter-hour steps (1.5), as in the CSV files. */
export const hours = z
  .number("Give hours as a number")
  .min(0, "Hours cannot be negative")
  .refine((n) => isQuarterHourStep(n), "Use quarter-hour steps: 0.25, 0.5, 0.75…");

export const count = z.int("Give a whole number").min(0, "Cannot be negative");

/** Any JSON value (belt evidence, rule conditions, frozen newsletter content). */
export const json: z.ZodType<unknown> = z.json().refine(function jsonHasNoNul(v: unknown): boolean {
  if (typeof v === "string") return noNul(v) && !hasLoneSurrogate(v);
  if (Array.isArray(v)) return v.every(jsonHasNoNul);
  if (v && typeof v === "object")
    return Object.entries(v).every(([k, x]) => noNul(k) && !hasLoneSurrogate(k) && jsonHasNoNul(x));
  return true;
}, "Contains a NUL character or half of a surrogate pair, which cannot be stored");

/** JSON text with object keys sorted, so jsonb (which reorders keys) compares equal with the file. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
