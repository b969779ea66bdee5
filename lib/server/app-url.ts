import "server-only";
import crypto from "node:crypto";

/** The app's public address (NEXTAUTH_URL), without a trailing slash: links in emails and chat. */
export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * A key for one purpose (unsubscribe links, the webhook URLs' encryption), derived from the app's
 * secret (NEXTAUTH_SECRET, the same on every instance), so one secret is all an operator sets.
 */
export function derivedKey(purpose: string): Buffer {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`.");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "guardians", purpose, 32));
}
