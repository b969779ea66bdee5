// Security headers. Pages get their Content-Security-Policy from proxy.ts, per request, with a
// fresh script nonce: Next.js reads the nonce from the request's policy and puts it on its own
// scripts, and the root layout on the theme script, so no inline script runs without it (no
// 'unsafe-inline' for scripts). Styles keep 'unsafe-inline': React's style attributes (Recharts
// positions its tooltips and legends with them) cannot carry a nonce. Everything else must
// come from our own origin. API answers are data, never rendered: a policy that allows nothing.
type Header = { key: string; value: string };

/** The policy of API answers (next.config.ts, for every /api/ path). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries (next.config.ts). */
export function securityHeaders(): Header[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/** A fresh, unguessable nonce for one page request (128 random bits, base64). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy of one page: scripts only with its nonce, and those they load ('strict-dynamic',
 * for Next's chunks); eval only in development (React's error overlay needs it).
 */
export function pageContentSecurityPolicy(
  nonce: string,
  dev = process.env.NODE_ENV !== "production",
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Strict-Transport-Security, only when the app's public URL is https (over plain HTTP the
 * header is meaningless and would pin a localhost name). Added per request, by proxy.ts for
 * pages and Auth.js and by the API route wrapper for API answers, since next.config's headers
 * are fixed at build time and NEXTAUTH_URL may differ at start.
 */
export function transportSecurityHeader(publicUrl = process.env.NEXTAUTH_URL): Header | null {
  let protocol: string;
  try {
    protocol = new URL(publicUrl ?? "").protocol;
  } catch {
    return null;
  }
  return protocol === "https:"
    ? { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }
    : null;
}
