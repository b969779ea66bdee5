import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { securityHeaders, transportSecurityHeader } from "@/lib/security-headers";
import { config, proxy } from "@/proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

const header = (name: string) => securityHeaders().find((h) => h.key === name)?.value;

describe("security headers", () => {
  it("forbid framing, sniffing and cross-origin referrers", () => {
    expect(header("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(header("Content-Security-Policy")).toContain("default-src 'self'");
    expect(header("Content-Security-Policy")).toContain("object-src 'none'");
    expect(header("X-Frame-Options")).toBe("DENY");
    expect(header("X-Content-Type-Options")).toBe("nosniff");
    expect(header("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });

  it("allow eval only in development", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(header("Content-Security-Policy")).not.toContain("'unsafe-eval'");
    vi.stubEnv("NODE_ENV", "development");
    expect(header("Content-Security-Policy")).toContain("'unsafe-eval'");
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
  it("sees pages and sign-in, not API routes or static files", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/reviews", "/dashboard/people", "/sign-in", "/apiary"])
      expect(matcher.test(path), path).toBe(true);
    for (const path of [
      "/api/activities",
      "/api/auth/session",
      "/_next/static/x.js",
      "/favicon.ico",
    ])
      expect(matcher.test(path), path).toBe(false);
  });

  const request = (path: string, cookie?: string) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

  it("sends Strict-Transport-Security on every answer when served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://guardians.example.com");
    for (const res of [
      proxy(request("/sign-in")),
      proxy(request("/reviews")),
      proxy(request("/reviews", "__Secure-next-auth.session-token=x")),
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
