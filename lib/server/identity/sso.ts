import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { OidcSettings } from "@/lib/auth/oidc";
import {
  planSsoSignIn,
  readSsoClaims,
  rolesFromGroups,
  type SsoClaims,
} from "@/lib/identity/sso-claims";
import type { SsoRefusal } from "@/lib/identity/sso-refusals";
import { audit } from "@/lib/server/audit";
import { logger } from "@/lib/server/log";

type Tx = Prisma.TransactionClient;
type SsoOutcome = { ok: true; personId: number } | { ok: false; reason: SsoRefusal };
type Settings = Pick<OidcSettings, "issuer" | "groupsClaim" | "autoProvisionOrgKey">;

// Advisory-lock namespace for one issuer + subject (7001 hours, 7101/7102 password throttle).
const SSO_LOCK = 7201;

class Refused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(reason);
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Resolves the person an SSO sign-in is for (README, "Single sign-on"): by issuer + subject,
 * else by verified email (then the identity is recorded), else created in the auto-provision
 * organisation, else refused. The person's name and email follow the provider, and their group
 * roles become exactly what their groups map to. One transaction: a refusal changes nothing.
 * Tokens never reach this function; only the ID token's claims do.
 */
export async function signInWithSso(
  rawClaims: Record<string, unknown>,
  settings: Settings,
): Promise<SsoOutcome> {
  const claims = readSsoClaims(rawClaims, settings.groupsClaim);
  const who = { issuer: settings.issuer, subject: claims.subject, email: claims.email };
  try {
    const personId = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SSO_LOCK}::int, hashtext(${`${settings.issuer}\n${claims.subject}`}))`;
      return resolvePerson(tx, claims, settings);
    });
    return { ok: true, personId };
  } catch (error) {
    const reason =
      error instanceof Refused
        ? error.reason
        : isUniqueViolation(error) // the new email was taken meanwhile
          ? "email-taken"
          : null;
    if (!reason) throw error;
    logger.warn({ ...who, reason }, "single sign-on refused");
    return { ok: false, reason };
  }
}

async function resolvePerson(tx: Tx, claims: SsoClaims, settings: Settings): Promise<number> {
  const { issuer } = settings;
  const identity = claims.subject
    ? await tx.ssoIdentity.findUnique({
        where: { issuer_subject: { issuer, subject: claims.subject } },
        select: { id: true, user: { select: { id: true, email: true, deactivatedAt: true } } },
      })
    : null;
  const holder = claims.email
    ? await tx.user.findUnique({
        where: { email: claims.email },
        select: {
          id: true,
          email: true,
          deactivatedAt: true,
          ssoIdentities: { where: { issuer }, select: { subject: true } },
        },
      })
    : null;
  const org = settings.autoProvisionOrgKey
    ? await tx.org.findUnique({
        where: { key: settings.autoProvisionOrgKey },
        select: { id: true },
      })
    : null;
  if (settings.autoProvisionOrgKey && !org)
    logger.error(
      { orgKey: settings.autoProvisionOrgKey },
      "OIDC_AUTO_PROVISION names no organisation: unknown people are refused",
    );
  const plan = planSsoSignIn({
    claims,
    linked: identity
      ? { ...identity.user, deactivated: identity.user.deactivatedAt !== null }
      : null,
    byEmail: holder
      ? {
          id: holder.id,
          email: holder.email,
          deactivated: holder.deactivatedAt !== null,
          linkedToAnotherSubject: holder.ssoIdentities.some((i) => i.subject !== claims.subject),
        }
      : null,
    provisionOrgId: org?.id ?? null,
  });
  if (plan.kind === "refuse") throw new Refused(plan.reason);
  const email = claims.email!;
  let personId: number;
  if (plan.kind === "provision") {
    personId = await provision(tx, claims, plan.orgId);
  } else {
    personId = plan.personId;
    await followProvider(tx, personId, claims);
  }
  if (plan.kind === "person" && !plan.link) {
    await tx.ssoIdentity.update({
      where: { id: identity!.id },
      data: { email, lastSignInAt: new Date() },
    });
  } else {
    const linked = await tx.ssoIdentity.create({
      data: { userId: personId, issuer, subject: claims.subject, email },
      select: {
        id: true,
        issuer: true,
        subject: true,
        email: true,
        user: { select: { orgId: true } },
      },
    });
    const { user, ...after } = linked;
    await audit(tx, {
      actorId: personId,
      action: "sso-link",
      entity: "User",
      entityId: personId,
      orgId: user.orgId,
      after,
    });
    logger.info({ issuer, subject: claims.subject, personId }, "single sign-on linked");
  }
  await applyGroupRoles(tx, personId, claims.groups);
  return personId;
}

/** Creates an unknown person in the auto-provision organisation as a builder (a hand role). */
async function provision(tx: Tx, claims: SsoClaims, orgId: number): Promise<number> {
  const email = claims.email!;
  const roles: Role[] = ["BUILDER"];
  const person = await tx.user.create({
    data: { email, name: claims.name ?? email.split("@")[0], roles, handRoles: roles, orgId },
    select: { id: true, email: true, name: true, roles: true, orgId: true },
  });
  await audit(tx, {
    actorId: person.id,
    action: "sso-provision",
    entity: "User",
    entityId: person.id,
    orgId,
    after: person,
  });
  logger.info({ personId: person.id, orgId }, "single sign-on created a person");
  return person.id;
}

/** The person's email and name follow the provider's (an email another person holds was refused before). */
async function followProvider(tx: Tx, personId: number, claims: SsoClaims) {
  const before = await tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { email: true, name: true, orgId: true },
  });
  const data: { email?: string; name?: string } = {};
  if (claims.email && claims.email !== before.email) data.email = claims.email;
  if (claims.name && claims.name !== before.name) data.name = claims.name;
  if (!data.email && !data.name) return;
  await tx.user.update({ where: { id: personId }, data });
  await audit(tx, {
    actorId: personId,
    action: "sso-profile",
    entity: "User",
    entityId: personId,
    orgId: before.orgId,
    before: Object.fromEntries(Object.keys(data).map((k) => [k, before[k as keyof typeof data]])),
    after: data,
  });
}

/** Rewrites the person's group roles from the mappings; hand roles are left alone. */
async function applyGroupRoles(tx: Tx, personId: number, groups: string[]) {
  const mappings = groups.length
    ? await tx.groupRoleMapping.findMany({
        where: { group: { in: groups } },
        select: {
          group: true,
          role: true,
          createdBy: { select: { roles: true, deactivatedAt: true } },
        },
      })
    : [];
  const roles = rolesFromGroups(
    groups,
    mappings.map((m) => ({
      group: m.group,
      role: m.role,
      creatorRoles: m.createdBy.deactivatedAt ? null : m.createdBy.roles,
    })),
  );
  const before = await tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { groupRoles: true, roles: true, orgId: true },
  });
  if (
    before.groupRoles.length === roles.length &&
    roles.every((r) => before.groupRoles.includes(r))
  )
    return;
  const after = await tx.user.update({
    where: { id: personId },
    data: { groupRoles: roles },
    select: { groupRoles: true, roles: true },
  });
  await audit(tx, {
    actorId: personId,
    action: "sso-group-roles",
    entity: "User",
    entityId: personId,
    orgId: before.orgId,
    before: { groupRoles: before.groupRoles, roles: before.roles },
    after: { ...after, groups },
  });
}
