import { NextResponse, type NextRequest } from "next/server";
import { actionWithoutFormResponse, isActionPostWithoutForm } from "./lib/action-request";
import {
  newNonce,
  pageContentSecurityPolicy,
  transportSecurityHeader,
} from "./lib/security-headers";

// Convenience only: sends visitors without a session cookie to sign-in. Every page and
// action still checks the session and permissions itself. API routes are left out (see the
// matcher): they answer 401 themselves, which suits scripts better than a redirect, and
// running the proxy cost an API call a third of its server time (Next.js copies the body of
// every request the proxy sees); they get HSTS from their wrapper (lib/server/api-route.ts).
// Auth.js's routes (sign-in, callbacks) are seen, only to add HSTS. Each page gets its
// Content-Security-Policy here, with a nonce of its own (lib/security-headers.ts).
const PUBLIC = [
  /^\/sign-in/,
  /^\/forgot-password$/,
  /^\/set-password\//,
  /^\/unsubscribe\//,
  /^\/healthz$/,
  /^\/_next\//,
  /^\/favicon/,
];

function withTransportSecurity(response: NextResponse): NextResponse {
  const hsts = transportSecurityHeader();
  if (hsts) response.headers.set(hsts.key, hsts.value);
  return response;
}

/**
 * Lets the request through with a nonce: Next.js reads it from the request's policy, the root
 * layout from `x-nonce` (both set here, replacing whatever the client sent).
 */
function pageResponse(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response);
}

export function proxy(request: NextRequest) {
  if (isActionPostWithoutForm(request.method, request.headers)) return actionWithoutFormResponse();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/auth/")) return withTransportSecurity(NextResponse.next());
  if (PUBLIC.some((p) => p.test(pathname))) {
    const response = pageResponse(request);
    // The emailed links' tokens are in their paths: never send one on as a Referer.
    if (pathname.startsWith("/set-password/") || pathname.startsWith("/unsubscribe/"))
      response.headers.set("Referrer-Policy", "no-referrer");
    return response;
  }
  const hasSession =
    request.cookies.has("next-auth.session-token") ||
    request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return pageResponse(request);
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return withTransportSecurity(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)", "/api/auth/:path*"],
};
