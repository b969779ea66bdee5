import "server-only";
import { ZodError, type z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * Validates input with its schema. PostgreSQL text cannot hold the NUL character and no field
 * needs one, so such input is refused too, on its field; only fields the schema keeps are
 * checked (unknown extra fields are ignored). Throws a ZodError.
 */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const data = schema.parse(raw);
  if (typeof data !== "object" || data === null) return data;
  const bad = Object.entries(data).filter(([, v]) => typeof v === "string" && v.includes("\u0000"));
  if (bad.length)
    throw new ZodError(
      bad.map(([key, input]) => ({
        code: "custom" as const,
        path: [key],
        message: NUL_MESSAGE,
        input,
      })),
    );
  return data;
}
