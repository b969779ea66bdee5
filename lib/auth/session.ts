import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { loadActor, type SessionActor } from "./actor";
import { authOptions } from "./options";

export { loadActor, type SessionActor };

// The session cookie Auth.js sets: "__Secure-" prefixed when the app is served over https.
const secure =
  authOptions.useSecureCookies ?? (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const COOKIE = `${secure ? "__Secure-" : ""}next-auth.session-token`;

/** The cookie's value, joined again if Auth.js split a large token into `.0`, `.1`… chunks. */
function sessionToken(jar: Awaited<ReturnType<typeof cookies>>): string | undefined {
  const whole = jar.get(COOKIE)?.value;
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${COOKIE}.${i}`); i++) chunks.push(jar.get(`${COOKIE}.${i}`)!.value);
  return chunks.length ? chunks.join("") : undefined;
}

/**
 * The signed-in person, from the session cookie, once per request. The cookie is decrypted
 * and checked (signature, expiry) directly: getServerSession would run the whole Auth.js
 * handler and re-encrypt a cookie that a server component cannot set anyway, on every request.
 * The person is reloaded from the database, so role changes and deactivation apply at once,
 * and only while the session the cookie names is open (lib/auth/sessions.ts).
 */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const token = sessionToken(await cookies());
  if (!token || !authOptions.secret) return null;
  const payload = await decode({ token, secret: authOptions.secret }).catch(() => null);
  const id = payload?.uid;
  const sid = payload?.sid;
  return typeof id === "number" && typeof sid === "string" ? loadActor(id, sid) : null;
});
