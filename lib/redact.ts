// Secrets never reach a log line, an error message or an export. Two nets: fields known to
// hold secrets are dropped or censored by name (SECRET_FIELDS), and text that slips through
// (an error message quoting a query's arguments, a URL in a stack) is scrubbed by the shapes
// secrets take here (redactSecrets).

/** Field names whose values are secrets wherever they appear in a logged or audited object. */
export const SECRET_FIELDS = [
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "token",
  "tokenHash",
  "secret",
  "clientSecret",
  "cookie",
  "authorization",
  "webhookUrl",
  "urlEncrypted",
  "smtpPassword",
] as const;

const SECRET_FIELD_SET = new Set<string>(SECRET_FIELDS.map((k) => k.toLowerCase()));

export const isSecretField = (key: string) => SECRET_FIELD_SET.has(key.toLowerCase());

const SHAPES: [RegExp, string][] = [
  // Credentials inside a connection URL (postgresql://user:password@host).
  [/(\/\/[^:/\s@]+):[^@\s]+@/g, "$1:***@"],
  // Password hashes (argon2 and bcrypt).
  [/\$argon2(?:id|i|d)\$[A-Za-z0-9+/=$,.-]+/g, "[redacted hash]"],
  [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, "[redacted hash]"],
  // Invitation and reset tokens in their links, and unsubscribe tokens (the page's and the API's).
  [/(\/set-password\/)[A-Za-z0-9_-]{8,}/g, "$1[redacted]"],
  [/(\/unsubscribe\/)[A-Za-z0-9_.%-]{8,}/g, "$1[redacted]"],
  // Session cookies by name, then any JWT or JWE (session tokens, ID tokens).
  [/((?:__Secure-|__Host-)?next-auth\.[a-z-]+(?:\.\d+)?=)[^;\s"']+/g, "$1[redacted]"],
  [/\beyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){2,4}/g, "[redacted token]"],
  [/(\bBearer\s+)[A-Za-z0-9._~+/-]+=*/gi, "$1[redacted]"],
  // Incoming-webhook URLs of Slack, Teams and anything with a /hooks/ or /webhook path.
  [/(https?:\/\/hooks\.slack\.com\/)[^\s"'<>]+/g, "$1[redacted]"],
  [/(https?:\/\/[\w.-]*\.webhook\.office\.com\/)[^\s"'<>]+/g, "$1[redacted]"],
  [/(https?:\/\/[^\s"'<>/]+\/(?:[^\s"'<>]*\/)?(?:hooks|webhooks?)\/)[^\s"'<>]+/gi, "$1[redacted]"],
  // Signed trigger URLs (Teams Workflows, Power Automate): the signature is the secret.
  [/([?&]sig=)[^&\s"'<>]+/g, "$1[redacted]"],
];

/** The text with every secret-shaped part replaced by a marker. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** A console argument scrubbed: strings and errors (message and stack) as text, the rest as is. */
export function redactConsoleArg(arg: unknown): unknown {
  if (typeof arg === "string") return redactSecrets(arg);
  if (arg instanceof Error) {
    const text = arg.stack ?? `${arg.name}: ${arg.message}`;
    const digest = (arg as { digest?: unknown }).digest;
    return redactSecrets(digest ? `${text}\n  digest: ${String(digest)}` : text);
  }
  return arg;
}
