import { NextResponse, type NextRequest } from "next/server";
import { actionWithoutFormResponse, isActionPostWithoutForm } from "./lib/action-request";
import { transportSecurityHeader } from "./lib/security-headers";

// Convenience only: sends visitors without a session cookie to sign-in. Every page and
// action still checks the session and permissions itself. API routes are left out (see the
// matcher): they answer 401 themselves, which suits scripts better than a redirect, and
// running the proxy cost an API call a third of its server time (Next.js copies the body of
// every request the proxy sees). HSTS reaches browsers with the pages.
const PUBLIC = [
  /^\/sign-in/,
  /^\/forgot-password$/,
  /^\/set-password\//,
  /^\/healthz$/,
  /^\/_next\//,
  /^\/favicon/,
];

function withTransportSecurity(response: NextResponse): NextResponse {
  const hsts = transportSecurityHeader();
  if (hsts) response.headers.set(hsts.key, hsts.value);
  return response;
}

export function proxy(request: NextRequest) {
  if (isActionPostWithoutForm(request.method, request.headers)) return actionWithoutFormResponse();
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) {
    const response = NextResponse.next();
    // The emailed link's token is in its path: never send it on as a Referer.
    if (pathname.startsWith("/set-password/"))
      response.headers.set("Referrer-Policy", "no-referrer");
    return withTransportSecurity(response);
  }
  const hasSession =
    request.cookies.has("next-auth.session-token") ||
    request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return withTransportSecurity(NextResponse.next());
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return withTransportSecurity(NextResponse.redirect(url));
}

export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
