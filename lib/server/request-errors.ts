import type { Logger } from "pino";

/** What Next.js tells instrumentation.ts's onRequestError about a failed request. */
export type FailedRequest = {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
};
export type FailureContext = {
  routePath: string;
  routeType: string;
  renderSource?: string;
};

/**
 * One log line for an error Next.js caught while answering: a page (including a part that
 * streamed after the page answered 200, which the browser shows as that part's error state),
 * a route handler or a server action. `digest` is the reference the person sees on screen.
 */
export function logRequestError(
  logger: Logger,
  error: unknown,
  request: FailedRequest,
  context: FailureContext,
): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const requestId = request.headers["x-request-id"];
  logger.error(
    {
      err: error,
      digest: typeof digest === "string" ? digest : undefined,
      method: request.method,
      // The path without its query: filters can carry names and addresses.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      requestId: typeof requestId === "string" ? requestId.slice(0, 128) : undefined,
    },
    "request failed",
  );
}
