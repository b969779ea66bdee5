import { z } from "zod";
import { day, recordId } from "@/lib/validations/fields";

/**
 * Builders for one query parameter of a list's URL state. Next hands a page
 * `string | string[] | undefined` per name (an array when the name repeats: the first counts),
 * and a malformed value is ignored (undefined) rather than failing the page.
 */
export const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Any zod schema as a URL parameter: the first value, undefined when missing or malformed. */
export const fromUrl = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

const blankToUndefined = (v: string) => (v === "" ? undefined : v);

/** Free text (a search box), trimmed; blank means no filter. */
export const text = (max: number) =>
  fromUrl(z.string().trim().max(max).transform(blankToUndefined));

/** A record id: a positive whole number PostgreSQL's int column can hold, digits only. */
export const id = () => fromUrl(recordId("Choose a record"));

/** One of a fixed set of values. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  fromUrl(z.enum(values));

/** A calendar quarter such as 2026-Q1. */
export const quarter = () => fromUrl(z.string().regex(/^\d{4}-Q[1-4]$/));

/** A calendar date such as 2026-03-31 (a real date from 2000 to tomorrow: 2026-02-30 is ignored). */
export const isoDate = () => fromUrl(day());

/** A checkbox-like switch: `yes` turns it on; serialised back as `yes`. */
export const flag = () =>
  z.preprocess(firstValue, z.unknown()).transform((v) => v === "yes" || v === true);
