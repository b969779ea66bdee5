import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch as proxyMatches } from "next/experimental/testing/server";
import {
  API_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  securityHeaders,
  transportSecurityHeader,
} from "@/lib/security-headers";
import { config, proxy } from "@/proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

const header = (name: string) => securityHeaders().find((h) => h.key === name)?.value;
const scriptSources = (policy: string) =>
  policy.split("; ").find((d) => d.startsWith("script-src "));

describe("security headers", () => {
  it("forbid framing, sniffing and cross-origin referrers", () => {
    const policy = pageContentSecurityPolicy("n0nce");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(header("X-Frame-Options")).toBe("DENY");
    expect(header("X-Content-Type-Options")).toBe("nosniff");
    expect(header("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });

  it("let scripts run only with the page's nonce, and eval only in development", () => {
    expect(scriptSources(pageContentSecurityPolicy("n0nce", false))).toBe(
      "script-src 'self' 'nonce-n0nce' 'strict-dynamic'",
    );
    expect(scriptSources(pageContentSecurityPolicy("n0nce", true))).toBe(
      "script-src 'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval'",
    );
  });

  it("add Strict-Transport-Security only when the public URL is https", () => {
    expect(transportSecurityHeader("https://guardians.example.com")).toEqual({
      key: "Strict-Transport-Security",
      value: "max-age=63072000; includeSubDomains",
    });
    expect(transportSecurityHeader("http://localhost:3000")).toBeNull();
    expect(transportSecurityHeader(undefined)).toBeNull();
    expect(transportSecurityHeader("not a url")).toBeNull();
  });
});

describe("proxy", () => {
  it("sees pages, sign-in and Auth.js's routes, not the other API routes or static files", () => {
    const sees = (path: string) => proxyMatches({ config, url: path });
    for (const path of [
      "/",
      "/reviews",
      "/dashboard/people",
      "/sign-in",
      "/apiary",
      "/api/auth/session",
      "/api/auth/callback/oidc",
    ])
      expect(sees(path), path).toBe(true);
    for (const path of ["/api/activities", "/api/teams", "/_next/static/x.js", "/favicon.ico"])
      expect(sees(path), path).toBe(false);
  });

  it("gives each page a policy with a nonce of its own, and hands both to Next.js", () => {
    const nonces = ["/sign-in", "/reviews"].map((path) => {
      const res = proxy(request(path, "next-auth.session-token=x"));
      const policy = res.headers.get("content-security-policy")!;
      const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy)![1];
      // NextResponse.next({ request: { headers } }) passes them on as x-middleware-request-*.
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  const request = (path: string, cookie?: string) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

  it("sends Strict-Transport-Security on every answer when served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://guardians.example.com");
    for (const res of [
      proxy(request("/sign-in")),
      proxy(request("/reviews")),
      proxy(request("/reviews", "__Secure-next-auth.session-token=x")),
      proxy(request("/api/auth/session")),
    ]) {
      expect(res.headers.get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
    }
  });

  it("sends none over plain http", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(proxy(request("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(request("/reviews")).headers.get("strict-transport-security")).toBeNull();
  });

  it("redirects a visitor without a session cookie to sign-in with the path to come back to", () => {
    const res = proxy(request("/reviews?status=OPEN"));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/sign-in");
    expect(new URL(res.headers.get("location")!).searchParams.get("callbackUrl")).toBe(
      "/reviews?status=OPEN",
    );
    expect(
      proxy(request("/reviews", "next-auth.session-token=x")).headers.get("location"),
    ).toBeNull();
  });
});
