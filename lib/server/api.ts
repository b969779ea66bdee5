import "server-only";
import { ZodError } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError, NotFoundError, PermissionError } from "./errors";

/** Same-site check for mutating API requests: the Origin (or Referer) must be this app. */
export function isSameOrigin(request: Request): boolean {
  const origin =
    request.headers.get("origin") ??
    (request.headers.get("referer") ? new URL(request.headers.get("referer")!).origin : null);
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

// Node's socket errors, PostgreSQL's shutdown/connection SQLSTATEs and Prisma's "cannot reach" codes.
const UNAVAILABLE_CODES = [
  "ECONNREFUSED",
  "ECONNRESET",
  "57P01",
  "57P03",
  "08006",
  "08001",
  "P1001",
  "P1017",
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
  /Code: `(57P0[13]|08006|08001)`/i,
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

/**
 * Runs a route handler's body and answers any failure with errorResponse, so that a database
 * outage while loading the signed-in person answers 503 like one later in the request.
 */
export async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Maps failures to JSON answers: 422 for bad input, 404 for out-of-scope, 503 while the database is down. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError)
    return Response.json(
      {
        error: "Invalid input",
        issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
      { status: 422 },
    );
  if (error instanceof NotFoundError)
    return Response.json({ error: error.message }, { status: 404 });
  if (error instanceof PermissionError)
    return Response.json({ error: error.message }, { status: 403 });
  if (error instanceof DomainError) return Response.json({ error: error.message }, { status: 422 });
  if (isDatabaseUnavailable(error))
    return Response.json(
      { error: "The database is unavailable. Nothing was saved; try again in a moment." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  console.error("api request failed", error);
  return Response.json({ error: "Something went wrong and nothing was saved." }, { status: 500 });
}
