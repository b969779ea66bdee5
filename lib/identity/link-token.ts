// The secret of an emailed sign-in link (an invitation or a password reset). The token travels
// only in the email; the database keeps its SHA-256, so a copy of the database opens nothing.
import { createHash, randomBytes } from "node:crypto";
import type { SignInLinkKind } from "@/lib/generated/prisma/enums";

const HOUR = 60 * 60 * 1000;

/** How long a link works: an invitation 72 hours, a reset one hour. */
export const LINK_VALIDITY_MS: Record<SignInLinkKind, number> = {
  INVITATION: 72 * HOUR,
  RESET: HOUR,
};

/** No second invitation within this time unless the sender asks again on purpose. */
export const REINVITE_AFTER_MS = 24 * HOUR;

/** 32 random bytes as base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new token for the email and the hash to store. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

/** The SHA-256 (hex) a token is stored and looked up by. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether the text has a token's shape (anything else is refused without a lookup). */
export function isLinkTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function linkExpiry(kind: SignInLinkKind, now = new Date()): Date {
  return new Date(now.getTime() + LINK_VALIDITY_MS[kind]);
}

export type LinkState = "valid" | "used" | "superseded" | "expired" | "deactivated" | "unknown";

/**
 * What a stored link is worth now. A link stops working when it is used, when a newer link of
 * the same person is sent (`newerLink`), when it expires, or when the person is deactivated.
 */
export function linkState(
  link: { usedAt: Date | null; expiresAt: Date; deactivated: boolean; newerLink: boolean } | null,
  now = new Date(),
): LinkState {
  if (!link) return "unknown";
  if (link.usedAt) return "used";
  if (link.newerLink) return "superseded";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.deactivated) return "deactivated";
  return "valid";
}

/** What the link page says about a link that no longer works. */
export const LINK_REFUSAL: Record<Exclude<LinkState, "valid">, string> = {
  used: "This link has already been used. Each link sets a password once.",
  superseded: "A newer link has been sent to this person since: use the latest email.",
  expired: "This link has expired.",
  deactivated: "This account is deactivated. Ask your program lead if you need access again.",
  unknown: "This link is not valid. Check that you copied the whole address from the email.",
};
