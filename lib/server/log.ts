import "server-only";
import { randomUUID } from "node:crypto";
import { createLogger } from "@/lib/logger";

export { createLogger };

/** The app's logger (lib/logger.ts: JSON lines, secrets censored and scrubbed). */
export const logger = createLogger();

/** The caller's request id (a proxy's `x-request-id`), or a new one; bounded so a client cannot flood the logs. */
export function requestIdOf(headers: Headers | null | undefined): string {
  const given = headers?.get("x-request-id")?.trim();
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Milliseconds since `started` (from performance.now()), to a tenth. */
export const elapsedMs = (started: number) => Math.round((performance.now() - started) * 10) / 10;
