import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { mayManageHolderOf } from "@/lib/auth/role-grants";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { db } from "@/lib/db/client";
import { mailerFromEnv } from "@/lib/server/mail";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REINVITE_AFTER_MS } from "@/lib/identity/link-token";
import type { SignInMethod } from "@/lib/identity/sign-in-method";

// How each person can sign in, defined once for the people list (column and filter), the
// person page's panel and the bulk invitation: single sign-on (an SsoIdentity), a password
// (a hash), an invitation (an unused, unexpired one: older ones stop when a newer link is
// sent), or not at all.

const openInvitation = (now: Date): Prisma.SignInLinkWhereInput => ({
  kind: "INVITATION",
  usedAt: null,
  expiresAt: { gt: now },
});

/** No password and no SSO identity: the people an invitation is for. */
export const cannotSignIn: Prisma.UserWhereInput = {
  passwordHash: null,
  ssoIdentities: { none: {} },
};

/** People who can sign in that way (SSO and password overlap; invited and "none" exclude them). */
export function signInWhere(method: SignInMethod, now = new Date()): Prisma.UserWhereInput {
  switch (method) {
    case "sso":
      return { ssoIdentities: { some: {} } };
    case "password":
      return { passwordHash: { not: null } };
    case "invited":
      return { ...cannotSignIn, signInLinks: { some: openInvitation(now) } };
    case "none":
      return { ...cannotSignIn, signInLinks: { none: openInvitation(now) } };
  }
}

/** What to select of a person to tell their methods (the hash itself never leaves the server). */
export const signInSelect = (now = new Date()) =>
  ({
    passwordHash: true,
    ssoIdentities: { select: { id: true }, take: 1 },
    signInLinks: { where: openInvitation(now), select: { id: true }, take: 1 },
  }) satisfies Prisma.UserSelect;

type SignInFacts = {
  passwordHash: string | null;
  ssoIdentities: unknown[];
  signInLinks: unknown[];
};

/** A person's ways in, from `signInSelect`'s fields: e.g. ["sso", "password"], or ["none"]. */
export function signInMethodsOf(p: SignInFacts): SignInMethod[] {
  const methods: SignInMethod[] = [];
  if (p.ssoIdentities.length) methods.push("sso");
  if (p.passwordHash) methods.push("password");
  if (!methods.length) methods.push(p.signInLinks.length ? "invited" : "none");
  return methods;
}

/**
 * The person page's sign-in panel, for those who manage the person's organisation (null for
 * anyone else): SSO identities, password, the latest invitation, and whether one may be sent.
 */
export async function personSignIn(actor: SessionActor, id: number) {
  const now = new Date();
  const person = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      orgId: true,
      roles: true,
      deactivatedAt: true,
      passwordChangedAt: true,
      ...signInSelect(now),
      ssoIdentities: {
        orderBy: { lastSignInAt: "desc" },
        select: { id: true, issuer: true, email: true, lastSignInAt: true },
      },
      signInLinks: {
        where: { kind: "INVITATION" },
        orderBy: { id: "desc" },
        take: 1,
        select: {
          createdAt: true,
          expiresAt: true,
          usedAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!person || !can(actor, "user.manage", { orgId: person.orgId })) return null;
  const invitation = person.signInLinks[0] ?? null;
  const invited = Boolean(invitation && !invitation.usedAt && invitation.expiresAt > now);
  const methods = signInMethodsOf({ ...person, signInLinks: invited ? [invitation] : [] });
  const config = signInConfig();
  const manageable = mayManageHolderOf(actor, person.roles);
  const mailReady = mailerFromEnv() !== null;
  const needsLink = methods[0] === "invited" || methods[0] === "none";
  return {
    id: person.id,
    name: person.name,
    methods,
    deactivated: person.deactivatedAt !== null,
    hasPassword: person.passwordHash !== null,
    passwordChangedAt: person.passwordChangedAt,
    sso: person.ssoIdentities,
    invitation: invitation && {
      ...invitation,
      open: invited,
      /** Sent less than 24 hours ago: another needs `again`. */
      recent: now.getTime() - invitation.createdAt.getTime() < REINVITE_AFTER_MS,
    },
    mayInvite:
      config.passwordSignIn && manageable && mailReady && !person.deactivatedAt && needsLink,
    /** Why no invitation can be sent to someone who cannot sign in, or null. */
    inviteNote: !needsLink
      ? null
      : !config.passwordSignIn
        ? "Passwords are not used here: people sign in with single sign-on."
        : person.deactivatedAt
          ? "Deactivated people cannot be invited: reactivate the account first."
          : !manageable
            ? "Only an administrator can invite an administrator."
            : !mailReady
              ? "Email is not configured here (SMTP_HOST is not set), so invitations cannot be sent."
              : null,
  };
}
