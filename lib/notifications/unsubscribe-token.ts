import crypto from "node:crypto";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KINDS } from "./kinds";

// One-click unsubscribe (RFC 8058): every email carries a link that turns off what it was sent
// for, without signing in. The link holds the person, what to turn off (one kind, or the daily
// digest) and an HMAC of both under the app's secret, so nobody can forge one for someone else.
export type UnsubscribeScope = { kind: NotificationKind } | { digest: true };
export type UnsubscribeToken = { userId: number; scope: UnsubscribeScope };

const scopeText = (s: UnsubscribeScope) => ("digest" in s ? "digest" : s.kind);

function mac(secret: string, userId: number, scope: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`unsubscribe:${userId}:${scope}`)
    .digest("base64url")
    .slice(0, 32);
}

export function signUnsubscribe(secret: string, t: UnsubscribeToken): string {
  const scope = scopeText(t.scope);
  return `${t.userId}.${scope}.${mac(secret, t.userId, scope)}`;
}

/** The token's person and scope, or null when it is malformed or not ours. */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeToken | null {
  const m = /^(\d{1,9})\.([A-Z_]+|digest)\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const [, id, scope, given] = m;
  if (scope !== "digest" && !(scope in NOTIFICATION_KINDS)) return null;
  const expected = mac(secret, Number(id), scope);
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  return {
    userId: Number(id),
    scope: scope === "digest" ? { digest: true } : { kind: scope as NotificationKind },
  };
}
