// How large a request body each kind of request may send. The app's HTTP front
// (lib/http/front.ts) looks the limit up before the body is read: a Content-Length over it is
// answered 413 at once, and a body without one (chunked) is cut off when it passes it. Plain
// module (no "server-only"): the front, next.config.ts and the routes all read this one table.

export const KIB = 1024;
export const MIB = 1024 * KIB;

/** The spreadsheet files of one import, together (the import page says so). */
export const MAX_UPLOAD_BYTES = 50 * MIB;
/** Multipart framing (boundaries, part headers, the mode field) adds a little to the files. */
const MULTIPART_SLACK = 1 * MIB;
export const IMPORT_BODY_LIMIT = MAX_UPLOAD_BYTES + MULTIPART_SLACK;
/** One imported threat-model file, and one findings file (scanners' SARIF can be large). */
export const THREAT_MODEL_FILE_BYTES = 5 * MIB;
export const FINDINGS_FILE_BYTES = 20 * MIB;
/** Next's own limit for server actions (next.config.ts sets it from here). */
export const SERVER_ACTION_BODY_LIMIT = 1 * MIB;

export type BodyLimit = {
  /** What the rule covers, for messages and logs. */
  name: string;
  /** Methods it applies to; every method when left out. */
  methods?: readonly string[];
  /** Paths it applies to (after normalisePath); every path when left out. */
  path?: RegExp;
  /** Largest body accepted, in bytes. */
  limit: number;
};

// The first matching rule applies, so the specific routes come first.
const BODY_LIMITS: readonly BodyLimit[] = [
  {
    name: "spreadsheet import",
    methods: ["POST"],
    path: /^\/api\/transfer\/import$/,
    limit: IMPORT_BODY_LIMIT,
  },
  // One threat-model file (Threat Dragon, OTM) or one findings file (DefectDojo, SARIF).
  {
    name: "threat-model file",
    methods: ["POST"],
    path: /^\/api\/threat-models\/import$/,
    limit: THREAT_MODEL_FILE_BYTES + MULTIPART_SLACK,
  },
  {
    name: "findings file",
    methods: ["POST"],
    path: /^\/api\/reviews\/[^/]+\/findings\/import$/,
    limit: FINDINGS_FILE_BYTES + MULTIPART_SLACK,
  },
  // Jira's issue events are a few KB.
  { name: "Jira webhook", methods: ["POST"], path: /^\/api\/jira\/webhook$/, limit: 256 * KIB },
  // One entry with a 500-character note is under 1 KB of JSON.
  { name: "hour logging", methods: ["POST"], path: /^\/api\/activities$/, limit: 64 * KIB },
  // Auth.js: the credentials form, sign-out, the SSO callback (a code and a state).
  { name: "sign-in", path: /^\/api\/auth\//, limit: 16 * KIB },
  // The other API routes read only their query string.
  { name: "API", path: /^\/api\//, limit: 16 * KIB },
  // A POST to a page is a server action: fetched by the page (Next-Action header) or a form
  // posted without JavaScript.
  { name: "server action", methods: ["POST"], limit: SERVER_ACTION_BODY_LIMIT },
  // GET, HEAD and the rest carry no body here.
  { name: "request", limit: 16 * KIB },
];

/** The path as routing sees it: no query, percent-decoded, repeated slashes and a trailing one dropped. */
export function normalisePath(url: string): string {
  const raw = url.split(/[?#]/, 1)[0] || "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  const path = decoded.replace(/\/{2,}/g, "/");
  return path.length > 1 ? path.replace(/\/$/, "") : path;
}

/** The rule for a request line (method and URL as sent, e.g. "/api/activities?x=1"). */
export function bodyLimitFor(method: string | undefined, url: string | undefined): BodyLimit {
  const m = (method ?? "GET").toUpperCase();
  const path = normalisePath(url ?? "/");
  return BODY_LIMITS.find(
    (rule) => (!rule.methods || rule.methods.includes(m)) && (!rule.path || rule.path.test(path)),
  )!;
}

/** "64 KB", "1 MB", "51 MB": how the 413 answer states a limit. */
export function describeBytes(bytes: number): string {
  return bytes >= MIB && bytes % MIB === 0
    ? `${bytes / MIB} MB`
    : bytes >= KIB && bytes % KIB === 0
      ? `${bytes / KIB} KB`
      : `${bytes} bytes`;
}
