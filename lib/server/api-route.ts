import "server-only";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { transportSecurityHeader } from "@/lib/security-headers";
import { getActor, type SessionActor } from "@/lib/auth/session";
import { DomainError, PermissionError, SignedOutError } from "./errors";
import { failureOf, parseInput, RETRY_AFTER_SECONDS, type Failure } from "./failure";
import { elapsedMs, logger, requestIdOf } from "./log";

export type RouteOptions<T> = {
  /**
   * The permission the caller needs in some scope; a function when it depends on the input;
   * "signed-in" for what anyone reads of their own (their notifications).
   */
  permission: Permission | "signed-in" | ((input: T) => Permission);
  /** The input's schema, read from the query string… */
  query?: z.ZodType<T>;
  /** …or from a JSON body (give one of the two). */
  json?: z.ZodType<T>;
  /** Changes data: refused unless the request comes from this app (no cross-site requests). */
  mutates?: boolean;
  /** Wording of this route's 401 and 403 answers. */
  messages?: { signedOut?: string; forbidden?: string };
};

export type RouteContext<T, P> = {
  actor: SessionActor;
  input: T;
  request: Request;
  params: P;
  requestId: string;
};

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

/** Every error body: the message under `error` (as clients always read it), the code beside it. */
export function failureResponse(failure: Failure): Response {
  return Response.json(
    {
      error: failure.message,
      code: failure.code,
      ...(failure.issues && { issues: failure.issues }),
    },
    {
      status: failure.status,
      headers:
        failure.code === "database_unavailable"
          ? { "Retry-After": String(RETRY_AFTER_SECONDS) }
          : undefined,
    },
  );
}

async function readInput<T>(options: RouteOptions<T>, request: Request): Promise<T> {
  if (options.query)
    return parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams));
  if (options.json) {
    const body: unknown = await request.json().catch(() => null);
    return parseInput(options.json, body ?? {});
  }
  return undefined as T;
}

/** Sends a route's answer: its request id and HSTS header, and one log line for the request. */
function finish(
  request: Request,
  response: Response,
  log: {
    started: number;
    requestId: string;
    actorId: number | null;
    failure: Failure | null;
    fault: unknown;
  },
): Response {
  try {
    response.headers.set("x-request-id", log.requestId);
    // HSTS here rather than in proxy.ts, which would copy every API request's body.
    const hsts = transportSecurityHeader();
    if (hsts) response.headers.set(hsts.key, hsts.value);
  } catch {
    // immutable headers (a redirect): the log line still carries the id
  }
  const { failure, fault } = log;
  const level = fault ? "error" : failure?.code === "database_unavailable" ? "warn" : "info";
  logger[level](
    {
      requestId: log.requestId,
      actorId: log.actorId,
      route: `${request.method} ${new URL(request.url).pathname}`,
      status: response.status,
      code: failure?.code,
      durationMs: elapsedMs(log.started),
      err: fault,
    },
    "request",
  );
  return response;
}

/**
 * Wraps a route handler: same-origin check for writes, session, permission, zod input, then
 * the handler; every failure is answered through the shared mapping (lib/server/failure.ts).
 * The handler returns a Response, or data sent as JSON (never cached). One log line per
 * request: request id, actor, route, status and code, duration.
 */
export function apiRoute<T = undefined, P = Record<string, string>>(
  options: RouteOptions<T>,
  handler: (ctx: RouteContext<T, P>) => Promise<Response | unknown>,
) {
  const { signedOut = "Sign in first.", forbidden } = options.messages ?? {};
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request.headers);
    let actorId: number | null = null;
    let response: Response;
    let failure: Failure | null = null;
    let fault: unknown;
    try {
      if (options.mutates && !isSameOrigin(request))
        throw new DomainError("Cross-site requests are not allowed.", "cross_site");
      // Loading the person reads the database, so an outage here answers 503 like one later on.
      const actor = await getActor();
      if (!actor) throw new SignedOutError(signedOut);
      actorId = actor.id;
      const { permission } = options;
      if (typeof permission === "string" && permission !== "signed-in" && !can(actor, permission))
        throw new PermissionError(forbidden);
      const input = await readInput(options, request);
      if (typeof permission === "function" && !can(actor, permission(input)))
        throw new PermissionError(forbidden);
      const params = (await context?.params) ?? ({} as P);
      const result = await handler({ actor, input, request, params, requestId });
      response =
        result instanceof Response
          ? result
          : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      failure = failureOf(error);
      if (failure.unexpected) fault = error;
      response = failureResponse(failure);
    }
    return finish(request, response, { started, requestId, actorId, failure, fault });
  };
}

/**
 * A route anyone may call without a session, because something in the request itself is the
 * authority (the signed token of an emailed unsubscribe link). No same-origin check: mail
 * providers post from elsewhere. Failures, headers and the log line as in `apiRoute`.
 */
export function publicRoute<P = Record<string, string>>(
  handler: (ctx: { request: Request; params: P; requestId: string }) => Promise<Response>,
) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request.headers);
    let response: Response;
    let failure: Failure | null = null;
    let fault: unknown;
    try {
      const params = (await context?.params) ?? ({} as P);
      response = await handler({ request, params, requestId });
    } catch (error) {
      failure = failureOf(error);
      if (failure.unexpected) fault = error;
      response = failureResponse(failure);
    }
    return finish(request, response, { started, requestId, actorId: null, failure, fault });
  };
}
