import "server-only";
import { ZodError, type z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { NOT_A_FORM } from "@/lib/action-request";
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from "@/lib/validations/fields";
import { DomainError, ERROR_STATUS, FieldError, type ErrorCode } from "./errors";

export type Issue = { path: string; message: string };

/** What a failed request or action answers, whoever renders it (JSON for routes, form state for actions). */
export type Failure = {
  status: number;
  code: ErrorCode;
  message: string;
  /** For invalid input: each field's problem. */
  issues?: Issue[];
  /** Not a refusal but a fault: logged with its error. */
  unexpected?: boolean;
};

export const UNAVAILABLE = "The database is unavailable. Nothing was saved; try again in a moment.";
/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors, PostgreSQL's shutdown/connection SQLSTATEs, its statement and lock
// timeouts (57014, 55P03: the budgets of lib/db/budgets.ts) and Prisma's "cannot reach" and
// "transaction could not start or expired" codes.
const UNAVAILABLE_CODES = [
  "ECONNREFUSED",
  "ECONNRESET",
  "57P01",
  "57P03",
  "08006",
  "08001",
  "57014",
  "55P03",
  "P1001",
  "P1017",
  "P2028",
];
// Drivers and Prisma's adapter often report an outage only in the message text.
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Server has closed the connection/i,
  /ECONNREFUSED/i,
  /Can't reach database server/i,
  /DatabaseNotReachable/i,
  /ECONNRESET/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error/i,
  /Query read timeout/i,
  /canceling statement due to (statement|lock) timeout/i,
  /Code: `(57P0[13]|08006|08001|57014|55P03)`/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? "";
  const message = e?.message ?? "";
  return (
    error instanceof Prisma.PrismaClientInitializationError ||
    UNAVAILABLE_CODES.includes(code) ||
    UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  );
}

/** The one mapping from a thrown error to its answer, shared by the action and route wrappers. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ZodError)
    return {
      status: ERROR_STATUS.invalid_input,
      code: "invalid_input",
      message: "Invalid input",
      issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  if (error instanceof FieldError)
    return {
      status: ERROR_STATUS.invalid_input,
      code: "invalid_input",
      message: error.message,
      issues: [{ path: error.field, message: error.fieldMessage }],
    };
  if (error instanceof DomainError)
    return { status: ERROR_STATUS[error.code], code: error.code, message: error.message };
  if (isDatabaseUnavailable(error))
    return {
      status: ERROR_STATUS.database_unavailable,
      code: "database_unavailable",
      message: UNAVAILABLE,
    };
  return {
    status: ERROR_STATUS.internal,
    code: "internal",
    message: "Something went wrong and nothing was saved.",
    unexpected: true,
  };
}

const NUL_MESSAGE = "Remove the invisible control character (NUL) from this field.";

/** Why a text cannot be stored as it is, or null. */
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (hasLoneSurrogate(text)) return LONE_SURROGATE_MESSAGE;
  return null;
}

/** Every string inside a parsed value that cannot be stored, with its path. */
function badTexts(value: unknown, path: PropertyKey[] = []): z.core.$ZodIssue[] {
  if (typeof value === "string") {
    const message = textProblem(value);
    return message ? [{ code: "custom", path, message, input: value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => badTexts(v, [...path, i]));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([k, v]) => badTexts(v, [...path, k]));
  return [];
}

/**
 * Validates input with its schema. No field needs a NUL character (which PostgreSQL text cannot
 * hold) or half of a surrogate pair (not a character: jsonb refuses it, and only JSON can carry
 * one), so such text is refused too, on its field, anywhere in what the schema keeps (unknown
 * extra fields are ignored). Throws a ZodError.
 */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const data = schema.parse(raw);
  const bad = badTexts(data);
  if (bad.length) throw new ZodError(bad);
  return data;
}

/**
 * The fields of a form post. A server action can be called with any body (JSON, plain text):
 * anything but form data is refused as invalid input, never read as if it were a form.
 */
export function formFields(form: unknown): Record<string, FormDataEntryValue> {
  if (!(form instanceof FormData)) throw new FieldError("form", NOT_A_FORM, NOT_A_FORM);
  return Object.fromEntries(form);
}
