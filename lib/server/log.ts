import "server-only";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

// Structured server logs: one JSON line per event on stdout (plain pino, no transport: worker
// threads do not survive Next's bundling). Secrets never reach a line: these keys are
// censored wherever a logged object holds them (top level or one level down).
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "secret",
  "cookie",
  "authorization",
  "webhookUrl",
  "smtpPassword",
];
export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...["headers", "*.headers"].flatMap((h) => [`${h}.cookie`, `${h}.authorization`]),
];

/** Credentials inside a connection URL (postgresql://user:password@host) as they appear in error messages. */
const hideUrlCredentials = (text: string) => text.replace(/(\/\/[^:/\s@]+):[^@\s]+@/g, "$1:***@");

function errorSerializer(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: hideUrlCredentials(serialized.message ?? ""),
    stack: hideUrlCredentials(serialized.stack ?? ""),
  };
}

/** Quiet under tests unless LOG_LEVEL asks otherwise; info in the app. */
function defaultLevel() {
  return process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
}

export function createLogger(destination?: DestinationStream, level = defaultLevel()): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: errorSerializer },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

/** The caller's request id (a proxy's `x-request-id`), or a new one; bounded so a client cannot flood the logs. */
export function requestIdOf(headers: Headers | null | undefined): string {
  const given = headers?.get("x-request-id")?.trim();
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Milliseconds since `started` (from performance.now()), to a tenth. */
export const elapsedMs = (started: number) => Math.round((performance.now() - started) * 10) / 10;
