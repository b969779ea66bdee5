// Auth.js's own handler with our options (the route app/api/auth/[...nextauth] serves
// NextAuth(authOptions)): the Set-Cookie headers it sends over https and over http.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";

const SECRET = "unit-test-secret-unit-test-secret";
let authOptions: NextAuthOptions;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  ({ authOptions } = await import("@/lib/auth/options"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});

type Cookie = { name: string; attributes: string[] };

/** Calls an Auth.js endpoint (Node request/response shape) and returns the cookies it sets. */
async function cookiesOf(
  action: string,
  cookies: Record<string, string>,
  publicUrl: string,
): Promise<Cookie[]> {
  const headers: Record<string, string | string[]> = {};
  const req = {
    method: "GET",
    query: { nextauth: [action] },
    cookies,
    headers: { host: new URL(publicUrl).host },
    body: {},
  };
  const res = {
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string | string[]) =>
      void (headers[name.toLowerCase()] = value),
    status: () => res,
    send: () => res,
    json: () => res,
    end: () => res,
  };
  await (
    NextAuth as unknown as (
      req: unknown,
      res: unknown,
      options: NextAuthOptions,
    ) => Promise<unknown>
  )(req, res, authOptions);
  return ([headers["set-cookie"] ?? []].flat() as string[]).map((line) => {
    const [pair, ...attributes] = line.split(";").map((p) => p.trim());
    return { name: pair.split("=")[0], attributes: attributes.map((a) => a.toLowerCase()) };
  });
}

/** A signed-in person's session read (Auth.js renews the session cookie) and a CSRF token fetch. */
async function sessionCookies(publicUrl: string): Promise<Cookie[]> {
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  const token = await encode({
    token: { sub: "1", uid: 1, name: "G", email: "g@example.test" },
    secret: SECRET,
  });
  // The token under both names, so the name of the renewed cookie shows which one Auth.js uses.
  const session = await cookiesOf(
    "session",
    { "next-auth.session-token": token, "__Secure-next-auth.session-token": token },
    publicUrl,
  );
  return [...session, ...(await cookiesOf("csrf", {}, publicUrl))];
}

describe("Auth.js cookies", () => {
  it("over https: Secure, with the __Secure- and __Host- prefixes, httpOnly and SameSite=Lax", async () => {
    const cookies = await sessionCookies("https://guardians.example.com");
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.attributes).toEqual(
      expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]),
    );
    const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
    expect(csrf?.name).toBe("__Host-next-auth.csrf-token");
    expect(csrf?.attributes).toEqual(expect.arrayContaining(["httponly", "secure", "path=/"]));
  });

  it("over http: no Secure flag and no prefix (a browser would drop them), still httpOnly and SameSite=Lax", async () => {
    const cookies = await sessionCookies("http://localhost:3000");
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("next-auth.session-token");
    expect(session?.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(session?.attributes).not.toContain("secure");
    expect(cookies.every((c) => !c.attributes.includes("secure"))).toBe(true);
    expect(cookies.find((c) => c.name.endsWith("next-auth.csrf-token"))?.name).toBe(
      "next-auth.csrf-token",
    );
  });

  it("sessions last a working day", () => {
    expect(authOptions.session?.maxAge).toBe(8 * 60 * 60);
    expect(authOptions.session?.strategy).toBe("jwt");
  });
});
