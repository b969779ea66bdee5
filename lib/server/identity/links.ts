import "server-only";
import { appUrl } from "@/lib/server/app-url";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { mayManageHolderOf } from "@/lib/auth/role-grants";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { SignInLinkKind } from "@/lib/generated/prisma/enums";
import { invitationEmail, resetEmail } from "@/lib/identity/emails";
import { REINVITE_AFTER_MS, linkExpiry, newLinkToken } from "@/lib/identity/link-token";
import {
  inviteBatchSchema,
  invitePersonSchema,
  type InviteBatchInput,
  type InvitePersonInput,
} from "@/lib/validations/links";
import { audit } from "@/lib/server/audit";
import { peopleWhere } from "@/lib/server/directory/people-queries";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/failure";
import { logger } from "@/lib/server/log";
import { mailerFromEnv, type Mailer } from "@/lib/server/mail";
import { cannotSignIn } from "./sign-in-methods";

// Invitations and reset links (README, "Invitations and password reset"). A link is created,
// emailed, and only then replaces the person's earlier unused links; when the email cannot be
// sent, the new link is deleted (nobody ever saw its token) and the earlier ones keep working.

/** Advisory-lock namespace (two-key form, with the person's id) for issuing links. */
const LINK_LOCK = 7103;
/** People invited per call of `inviteBatch`. */
export const INVITE_BATCH_SIZE = 25;
const SENDS_AT_ONCE = 5;

export const NO_PASSWORDS = "Passwords are not used here: people sign in with single sign-on.";
export const NO_MAIL =
  "Email is not configured here (SMTP_HOST is not set), so no link can be sent. " +
  "See the README, “Invitations and password reset”.";

export class RecentlyInvitedError extends DomainError {}

export function assertPasswordsUsed() {
  if (!signInConfig().passwordSignIn) throw new DomainError(NO_PASSWORDS);
}

async function programName(): Promise<string> {
  const program = await db.program.findUnique({ where: { id: 1 }, select: { name: true } });
  return program?.name ?? "Security Guardians";
}

type Recipient = { id: number; name: string; email: string; orgId: number | null };

/**
 * Creates a link of `kind` for the person, emails it and retires their earlier unused links.
 * Invitations are refused within 24 hours of the last one unless `again`; the check and the
 * insert hold a per-person lock, so a double click sends one.
 */
export async function issueLink(opts: {
  person: Recipient;
  kind: SignInLinkKind;
  sender: { id: number; name: string } | null;
  mailer: Mailer;
  again?: boolean;
}): Promise<{ expiresAt: Date }> {
  const { person, kind, sender, mailer } = opts;
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  const link = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LINK_LOCK}::int, ${person.id}::int)`;
    if (kind === "INVITATION" && !opts.again) {
      const recent = await tx.signInLink.findFirst({
        where: {
          userId: person.id,
          kind,
          createdAt: { gt: new Date(now.getTime() - REINVITE_AFTER_MS) },
        },
        select: { id: true },
      });
      if (recent)
        throw new RecentlyInvitedError(
          `${person.name} was invited less than 24 hours ago. Send again only if that email was lost.`,
        );
    }
    return tx.signInLink.create({
      data: {
        userId: person.id,
        kind,
        tokenHash,
        createdAt: now,
        expiresAt: linkExpiry(kind, now),
        createdById: sender?.id ?? null,
      },
      select: { id: true, expiresAt: true },
    });
  });
  const url = `${appUrl()}/set-password/${token}`;
  const program = await programName();
  const email =
    kind === "INVITATION"
      ? invitationEmail({
          personName: person.name,
          inviterName: sender?.name ?? "Your program lead",
          programName: program,
          url,
          expiresAt: link.expiresAt,
        })
      : resetEmail({
          personName: person.name,
          programName: program,
          url,
          expiresAt: link.expiresAt,
        });
  try {
    await mailer.send({ to: person.email, ...email });
  } catch (err) {
    await db.signInLink.delete({ where: { id: link.id } });
    logger.warn({ err, userId: person.id, kind }, "sign-in link email failed");
    throw new DomainError(
      `The email to ${person.email} could not be sent (the mail server refused it or is down). ` +
        "Nothing was sent; try again later.",
    );
  }
  await db.$transaction(async (tx) => {
    // The newest link is the one that works: earlier unused ones end now.
    await tx.signInLink.updateMany({
      where: { userId: person.id, id: { lt: link.id }, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await audit(tx, {
      actorId: sender?.id ?? null,
      action: kind === "INVITATION" ? "invite" : "send-reset-link",
      entity: "User",
      entityId: person.id,
      orgId: person.orgId,
      after: { linkId: link.id, kind, expiresAt: link.expiresAt },
    });
  });
  return { expiresAt: link.expiresAt };
}

/** Invites one person the actor manages who has no way to sign in yet. */
export async function invitePerson(
  actor: SessionActor,
  raw: InvitePersonInput,
  mailer: Mailer | null = mailerFromEnv(),
) {
  if (!can(actor, "user.manage")) throw new PermissionError();
  const input = parseInput(invitePersonSchema, raw);
  assertPasswordsUsed();
  const person = await db.user.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      name: true,
      email: true,
      orgId: true,
      roles: true,
      deactivatedAt: true,
      passwordHash: true,
      ssoIdentities: { select: { id: true }, take: 1 },
    },
  });
  if (!person || !can(actor, "user.manage", { orgId: person.orgId }))
    throw new NotFoundError("person");
  if (!mayManageHolderOf(actor, person.roles))
    throw new DomainError("Only an administrator can invite an administrator.");
  if (person.deactivatedAt)
    throw new DomainError(`${person.name} is deactivated: reactivate the account first.`);
  if (person.ssoIdentities.length)
    throw new DomainError(`${person.name} signs in with single sign-on: no invitation is needed.`);
  if (person.passwordHash)
    throw new DomainError(
      `${person.name} already has a password. If it is lost, they can use “Forgot your password?” on the sign-in page.`,
    );
  if (!mailer) throw new DomainError(NO_MAIL);
  const { expiresAt } = await issueLink({
    person,
    kind: "INVITATION",
    sender: actor,
    mailer,
    again: input.again,
  });
  return { name: person.name, email: person.email, expiresAt };
}

export type BatchReport = {
  invited: number;
  skipped: { recentlyInvited: number; notAllowed: number };
  failed: { name: string; reason: string }[];
  /** People looked at in this batch (invited, skipped or failed). */
  processed: number;
  /** The cursor for the next batch, or null when the list is done. */
  next: number | null;
};

/** The people of the actor's filtered list who cannot sign in, for the "Invite …" button. */
export async function uninvitedCount(actor: SessionActor, filter: InviteBatchInput) {
  if (!can(actor, "user.manage")) return 0;
  return db.user.count({ where: await batchWhere(actor, filter) });
}

async function batchWhere(actor: SessionActor, filter: InviteBatchInput) {
  return {
    AND: [
      await peopleWhere(actor, { ...filter, status: undefined }),
      tenantWhere(queryScope(actor, "user.manage"), "orgId"),
      cannotSignIn,
      filter.after ? { id: { gt: filter.after } } : {},
    ],
  };
}

/**
 * Invites the next INVITE_BATCH_SIZE people (by id, after `after`) of the actor's filtered
 * people list who have no password and no SSO identity. Stateless: the caller passes back
 * `next` until it is null.
 */
export async function inviteBatch(
  actor: SessionActor,
  raw: InviteBatchInput,
  mailer: Mailer | null = mailerFromEnv(),
): Promise<BatchReport> {
  if (!can(actor, "user.manage")) throw new PermissionError();
  const input = parseInput(inviteBatchSchema, raw);
  assertPasswordsUsed();
  if (!mailer) throw new DomainError(NO_MAIL);
  const people = await db.user.findMany({
    where: await batchWhere(actor, input),
    orderBy: { id: "asc" },
    take: INVITE_BATCH_SIZE,
    select: { id: true, name: true, email: true, orgId: true, roles: true },
  });
  const report: BatchReport = {
    invited: 0,
    skipped: { recentlyInvited: 0, notAllowed: 0 },
    failed: [],
    processed: people.length,
    next: people.length === INVITE_BATCH_SIZE ? people[people.length - 1]!.id : null,
  };
  const inviteOne = async (person: (typeof people)[number]) => {
    if (!mayManageHolderOf(actor, person.roles)) {
      report.skipped.notAllowed++;
      return;
    }
    try {
      await issueLink({ person, kind: "INVITATION", sender: actor, mailer, again: input.again });
      report.invited++;
    } catch (error) {
      if (error instanceof RecentlyInvitedError) report.skipped.recentlyInvited++;
      else if (error instanceof DomainError)
        report.failed.push({ name: person.name, reason: error.message });
      else throw error;
    }
  };
  // A few emails at a time: the mail server's round trips, not the database, set the pace.
  for (let i = 0; i < people.length; i += SENDS_AT_ONCE)
    await Promise.all(people.slice(i, i + SENDS_AT_ONCE).map(inviteOne));
  return report;
}
