// zod schemas for single cells (already trimmed strings) and their canonical text form, so
// a value read from a file and the same value read from the database compare as equal text.
import { z } from "zod";
import { isQuarterHourStep, toHours, toQuarterHours } from "@/lib/hours";
import { isoDay } from "@/lib/period";
import { csvWord } from "@/lib/vocabulary";
import {
  CONTROL_MESSAGE,
  EARLIEST_DAY,
  hasControlCharacter,
  isDayInWindow,
} from "@/lib/validations/fields";

type Fail = (message: string) => void;
type CellParser<T> = (v: string, fail: Fail) => T;

const show = (v: string) => (v.length > 40 ? `“${v.slice(0, 40)}…”` : `“${v}”`);

// PostgreSQL text cannot hold a NUL character: refused here, where the file, line and column are
// known. (Half a surrogate pair cannot reach a cell: readCsv reads UTF-8 bytes.)
const NUL_MESSAGE = "This cell contains a NUL character (\\0), which cannot be stored: remove it";
const unstorable = (v: string) => (v.includes("\u0000") ? NUL_MESSAGE : null);

/** A required cell: empty → "Enter the …", otherwise the parser decides. */
export function cell<T>(what: string, parse: CellParser<T>) {
  return z.string().transform((v, ctx) => {
    const fail: Fail = (message) => ctx.addIssue({ code: "custom", message });
    if (v === "") {
      fail(`Enter the ${what}`);
      return z.NEVER;
    }
    const problem = unstorable(v);
    if (problem) {
      fail(problem);
      return z.NEVER;
    }
    return parse(v, fail);
  });
}

/** An optional cell: empty → `fallback` (null unless given). */
export function optionalCell<T, F = null>(parse: CellParser<T>, fallback: F = null as F) {
  return z.string().transform((v, ctx): T | F => {
    const problem = unstorable(v);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return v === "" ? fallback : parse(v, (message) => ctx.addIssue({ code: "custom", message }));
  });
}

const maxLength =
  (what: string, max: number): CellParser<string> =>
  (v, fail) => {
    if (v.length > max) fail(`The ${what} is longer than ${max} characters`);
    return v;
  };

// A key is one line: it names records in other files, and orgs, teams and courses created from
// a key alone take their name from it (nameFromKey).
const keyParser =
  (what: string): CellParser<string> =>
  (v, fail) => {
    if (hasControlCharacter(v)) fail(`The ${what} must be one line: ${CONTROL_MESSAGE}`);
    return maxLength(what, 200)(v, fail);
  };
export const keyText = (what: string) => cell(what, keyParser(what));
export const optionalKey = (what: string) => optionalCell(keyParser(what));
export const requiredText = (what: string, max = 500) => cell(what, maxLength(what, max));
export const optionalText = (what: string, max = 2000) => optionalCell(maxLength(what, max));

const EMAIL = z.email();
const emailParser: CellParser<string> = (v, fail) => {
  const e = v.toLowerCase();
  if (!EMAIL.safeParse(e).success) fail(`${show(v)} is not a valid email address`);
  return e;
};
export const email = (what = "email address") => cell(what, emailParser);
export const optionalEmail = () => optionalCell(emailParser);

/** `a; b; c` → sorted, de-duplicated list (lists are sets: order carries no meaning). */
export function splitList(v: string): string[] {
  return [
    ...new Set(
      v
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
}

export const emailList = () =>
  optionalCell(
    (v, fail) => [...new Set(splitList(v).map((e) => emailParser(e, fail)))].sort(),
    [] as string[],
  );

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since the epoch of an ISO 8601 date or date-time (no zone = UTC), or null. */
export function parseIsoInstant(v: string): number | null {
  const m = ISO.exec(v);
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1, 7);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  const year = Number(y),
    month = Number(mo),
    dayOfMonth = Number(d);
  if (year < 1900 || month < 1 || month > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  if (dayOfMonth < 1 || dayOfMonth > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  let t = Date.UTC(year, month - 1, dayOfMonth, Number(h), Number(mi), Number(s), ms);
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    if (Number(zm[2]) > 14 || Number(zm[3]) > 59) return null;
    t -= (zm[1] === "-" ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
  }
  return t;
}

/** `2026-03-31T14:05:00Z` (milliseconds only when there are some). */
export const formatInstant = (ms: number | Date) =>
  new Date(ms).toISOString().replace(".000Z", "Z");
export const formatDay = (ms: number | Date) => isoDay(new Date(ms));

const dateParser =
  (format: (t: number) => string): CellParser<string> =>
  (v, fail) => {
    const t = parseIsoInstant(v);
    if (t === null)
      fail(`${show(v)} is not a date: use ISO 8601, e.g. 2026-03-31 or 2026-03-31T14:05:00Z`);
    else if (!isDayInWindow(formatDay(t)))
      fail(`${show(v)} is outside the dates the app accepts: from ${EARLIEST_DAY} to tomorrow`);
    return t === null ? "" : format(t);
  };

/** A calendar day as `YYYY-MM-DD` (a date-time counts as its UTC day). */
export const day = (what: string) => cell(what, dateParser(formatDay));
export const optionalDay = () => optionalCell(dateParser(formatDay));
/** An instant as canonical ISO text, e.g. `2026-03-31T14:05:00Z`. */
export const instant = (what: string) => cell(what, dateParser(formatInstant));
export const optionalInstant = () => optionalCell(dateParser(formatInstant));

/** CSV spelling of an enum value: QUICK_WINS ↔ quick-wins (lib/vocabulary's rule). */
export const enumToCsv = csvWord;
const normalToken = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

function enumParser<T extends string>(
  values: readonly T[],
  what: string,
  aliases: Record<string, T>,
): CellParser<T> {
  const table = new Map<string, T>(values.map((v) => [enumToCsv(v), v]));
  for (const [k, v] of Object.entries(aliases)) table.set(k, v);
  const allowed = values.map(enumToCsv).join(" / ");
  return (v, fail) => {
    const found = table.get(normalToken(v));
    if (!found) fail(`${show(v)} is not a ${what}: use ${allowed}`);
    return found as T;
  };
}

export const enumCell = <const T extends string>(
  values: readonly T[],
  what: string,
  aliases: Record<string, T> = {},
) => cell(what, enumParser(values, what, aliases));

/** An enum cell that may be empty (then `fallback`). */
export const enumCellOr = <const T extends string>(
  values: readonly T[],
  what: string,
  fallback: T,
  aliases: Record<string, T> = {},
) => optionalCell(enumParser(values, what, aliases), fallback);

/** `a; b` of enum values → sorted, de-duplicated list. */
export const enumList = <const T extends string>(values: readonly T[], what: string) => {
  const parse = enumParser(values, what, {});
  return optionalCell(
    (v, fail) => [...new Set(splitList(v).map((x) => parse(x, fail)))].sort(),
    [] as T[],
  );
};

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);
export const yesNo = (what: string) =>
  optionalCell((v, fail) => {
    const t = v.toLowerCase();
    if (!YES.has(t) && !NO.has(t)) fail(`${show(v)} is not yes or no (${what})`);
    return YES.has(t);
  }, false);
export const formatYesNo = (b: boolean) => (b ? "yes" : "no");

const NUMBER = /^\d+(\.\d+)?$|^\.\d+$/;

/** Hours in quarter-hour steps, stored as integer quarter-hours (1.5 → 6). */
const hoursParser =
  (what: string, opts: { positive?: boolean; max?: number }): CellParser<number> =>
  (v, fail) => {
    const n = Number(v);
    if (/^-/.test(v) && Number.isFinite(n)) fail(`The ${what} cannot be negative`);
    else if (!NUMBER.test(v)) fail(`${show(v)} is not a number of hours: write e.g. 1.5`);
    else if (opts.positive && n <= 0) fail(`The ${what} must be more than 0`);
    else if (opts.max !== undefined && n > opts.max) fail(`The ${what} can be at most ${opts.max}`);
    else if (!isQuarterHourStep(n))
      fail(`Use quarter-hour steps for the ${what}: 0.25, 0.5, 0.75…`);
    return toQuarterHours(n);
  };
export const hours = (what: string, opts: { positive?: boolean; max?: number } = {}) =>
  cell(what, hoursParser(what, opts));
export const optionalHours = (what: string) => optionalCell(hoursParser(what, {}));
export const hoursOrZero = (what: string) => optionalCell(hoursParser(what, {}), 0);

/** Integer quarter-hours back to CSV hours: 6 → "1.5". */
export const formatHours = (qh: number) => String(toHours(qh));

export const integerIn = (what: string, min: number, max: number) =>
  cell(what, (v, fail) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      fail(`${show(v)} is not a whole number from ${min} to ${max} (${what})`);
    return n;
  });

export const text = (v: string | null | undefined) => v ?? "";

/** A readable name for a record created from its key alone: "payments-core" → "Payments core". */
export function nameFromKey(key: string): string {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}
