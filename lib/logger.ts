// Structured logs of the app's server: one JSON line per event on stdout (plain pino, no
// transport: worker threads do not survive Next's bundling). Plain module: the app (through
// lib/server/log.ts) and the HTTP front's own lines (scripts/server.ts) log the same way.
import pino, { type DestinationStream, type Logger } from "pino";
import { SECRET_FIELDS, isSecretField, redactSecrets } from "@/lib/redact";

// Secrets never reach a line: fields named as secrets (lib/redact.ts) are censored wherever a
// logged object holds them (top level or one level down), and a logged error's message, stack
// and own fields are scrubbed of secret-shaped text.
const REDACTED_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((k) => `*.${k}`),
  ...["headers", "*.headers"].flatMap((h) => [`${h}.cookie`, `${h}.authorization`]),
];

/** Every string in the value scrubbed (an error's message, stack and own fields such as `meta`). */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (depth > 4 || !value || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      isSecretField(k) ? "[redacted]" : scrubbed(v, depth + 1),
    ]),
  );
}

function errorSerializer(error: Error) {
  return scrubbed(pino.stdSerializers.err(error));
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
