// Shared pieces of the input schemas, for forms, the JSON API, URLs and the import: numbers that
// are numbers, record ids PostgreSQL can hold, dates in a sane window, text without broken
// characters, and names on one line.
import { z } from "zod";
import { addUtcDays, isoDay, todayUtc } from "@/lib/period";

/** The largest value of PostgreSQL's `integer`, the type of every record id but activity entries'. */
const MAX_ID = 2_147_483_647;

// A decimal number as a form sends it: no hex, exponent, "Infinity", white space or leading "+".
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
// An id as text: digits without a leading zero, at most ten of them (MAX_ID has ten).
const ID_TEXT = /^[1-9]\d{0,9}$/;

/**
 * A number typed into a form: text that is a plain decimal number becomes that number, and a
 * number passed by code stays one; anything else (hex, exponent, a boolean, a list) fails
 * `rules`, a `z.number(message)` with the field's limits. A JSON body uses `rules` alone, so a
 * number there must be a JSON number.
 */
export const formNumber = <T extends z.ZodType<number, unknown>>(rules: T) =>
  z.preprocess((v) => (typeof v === "string" && DECIMAL.test(v) ? Number(v) : v), rules);

/** A record id: a whole number from 1 to MAX_ID, as form text (digits only) or a number. */
export const recordId = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && ID_TEXT.test(v) ? Number(v) : v),
    z.int(message).min(1, message).max(MAX_ID, message),
  );

/** An optional record id: empty or missing is null. */
export const optionalRecordId = (message: string) =>
  z.preprocess((v) => (v === "" || v == null ? null : v), recordId(message).nullable());

/** The id in a page's URL (`/reviews/12`), or null when it cannot name a record (then: 404). */
export function routeId(text: string): number | null {
  return ID_TEXT.test(text) && Number(text) <= MAX_ID ? Number(text) : null;
}

/** The earliest date the app accepts anywhere: nothing it tracks is older. */
export const EARLIEST_DAY = "2000-01-01";

/** The latest date the app accepts anywhere: tomorrow in UTC, so every time zone's today passes. */
export const latestDay = (now = new Date()) => isoDay(addUtcDays(todayUtc(now), 1));

/** Whether a "YYYY-MM-DD" day lies in the window, from EARLIEST_DAY to tomorrow. */
export const isDayInWindow = (day: string, now = new Date()) =>
  day >= EARLIEST_DAY && day <= latestDay(now);

const TOO_EARLY = `Enter a date from ${EARLIEST_DAY} on`;
const TOO_LATE = "Enter a date no later than tomorrow";

/** A calendar day, "YYYY-MM-DD", a real one, from 2000-01-01 to tomorrow. */
export const day = (message = "Enter a date like 2026-11-22") =>
  z.iso
    .date(message)
    // Aborting: a field's own "not in the future" rule then does not repeat the refusal.
    .refine((d) => d >= EARLIEST_DAY, { message: TOO_EARLY, abort: true })
    .refine((d) => d <= latestDay(), { message: TOO_LATE, abort: true });

/** An optional day: empty is undefined. */
export const optionalDay = (message?: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), day(message).optional());

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Half of a UTF-16 surrogate pair on its own: not a character, cannot be written as UTF-8, and
 * refused by PostgreSQL's jsonb (the audit log). Only JSON (`"\ud800"`) can carry one.
 */
export const hasLoneSurrogate = (text: string) => LONE_SURROGATE.test(text);
export const LONE_SURROGATE_MESSAGE =
  "Remove the broken character (half of an emoji or symbol) from this field.";

// C0 and C1 controls (CR, LF, tab, ESC…), DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** A control character: no name needs one (a line break, a tab, an escape). */
export const hasControlCharacter = (text: string) => CONTROL.test(text);
export const CONTROL_MESSAGE = "Keep the name on one line, without tabs or control characters.";

/** The name of an organisation or team: one line of 2 to 120 characters. */
export const recordName = (missing: string) =>
  z
    .string(missing)
    .trim()
    .min(2, missing)
    .max(120, "Keep the name under 120 characters")
    .refine((v) => !hasControlCharacter(v), CONTROL_MESSAGE);
