import "server-only";
import { hash } from "@node-rs/argon2";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import {
  LINK_REFUSAL,
  hashLinkToken,
  isLinkTokenShape,
  linkState,
  type LinkState,
} from "@/lib/identity/link-token";
import { passwordPairSchema } from "@/lib/identity/password-policy";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/validations/links";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/failure";
import { assertPasswordsUsed } from "./links";

// The page an emailed link opens: what the link is worth, and setting the password with it.

async function findLink(token: string) {
  if (!isLinkTokenShape(token)) return null;
  const link = await db.signInLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      userId: true,
      kind: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, name: true, orgId: true, deactivatedAt: true } },
    },
  });
  if (!link) return null;
  const newer = await db.signInLink.findFirst({
    where: { userId: link.userId, id: { gt: link.id } },
    select: { id: true },
  });
  const state = linkState({
    usedAt: link.usedAt,
    expiresAt: link.expiresAt,
    deactivated: link.user.deactivatedAt !== null,
    newerLink: newer !== null,
  });
  return { ...link, state };
}

type LinkStatus =
  | { state: "valid"; kind: "INVITATION" | "RESET"; name: string; email: string }
  | { state: Exclude<LinkState, "valid">; message: string };

/** What the link page shows; the person's name and email only while the link works. */
export async function linkStatus(token: string): Promise<LinkStatus> {
  const link = await findLink(token);
  const state = link?.state ?? "unknown";
  if (!link || state === "valid")
    return link
      ? { state: "valid", kind: link.kind, name: link.user.name, email: link.user.email }
      : { state: "unknown", message: LINK_REFUSAL.unknown };
  return { state, message: LINK_REFUSAL[state] };
}

/**
 * Sets the person's password (argon2id) with a working link, once: the link is marked used by a
 * conditional update, so of two parallel uses exactly one succeeds. Every session the person
 * has ends, and every other unused link of theirs stops working.
 */
export async function setPasswordWithLink(raw: SetPasswordInput): Promise<{ email: string }> {
  assertPasswordsUsed();
  const input = parseInput(setPasswordSchema, raw);
  const link = await findLink(input.token);
  if (!link) throw new DomainError(LINK_REFUSAL.unknown);
  if (link.state !== "valid") throw new DomainError(LINK_REFUSAL[link.state]);
  const { password } = parseInput(passwordPairSchema(link.user.email), input);
  const passwordHash = await hash(password);
  await db.$transaction(async (tx) => {
    const now = new Date();
    const used = await tx.signInLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count === 0) {
      const again = await tx.signInLink.findUniqueOrThrow({
        where: { id: link.id },
        select: { usedAt: true },
      });
      throw new DomainError(again.usedAt ? LINK_REFUSAL.used : LINK_REFUSAL.expired);
    }
    const before = await tx.user.findUniqueOrThrow({
      where: { id: link.userId },
      select: { passwordChangedAt: true },
    });
    const changed = await tx.user.updateMany({
      where: { id: link.userId, deactivatedAt: null },
      data: { passwordHash, passwordChangedAt: now },
    });
    if (changed.count === 0) throw new DomainError(LINK_REFUSAL.deactivated);
    await tx.signInLink.updateMany({
      where: { userId: link.userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const sessionsEnded = await endSessionsOf(tx, link.userId, "password set by link");
    await audit(tx, {
      actorId: link.userId,
      action: "set-password",
      entity: "User",
      entityId: link.userId,
      orgId: link.user.orgId,
      before: { passwordChangedAt: before.passwordChangedAt },
      after: { passwordChangedAt: now, linkId: link.id, kind: link.kind, sessionsEnded },
    });
  });
  return { email: link.user.email };
}
