// Sent on every response. The CSP allows Next's inline bootstrap scripts and styles;
// everything else must come from our own origin. A per-request script nonce would need
// every page rendered dynamically and checking in a production build with a browser, so
// scripts keep 'unsafe-inline' (no third-party origin is allowed either way).
type Header = { key: string; value: string };

export function securityHeaders(): Header[] {
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/**
 * Strict-Transport-Security, only when the app's public URL is https (over plain HTTP the
 * header is meaningless and would pin a localhost name). Added per request by proxy.ts,
 * since next.config's headers are fixed at build time and NEXTAUTH_URL may differ at start.
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
