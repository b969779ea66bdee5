// What an OpenID Connect provider says about a person, read into the few facts the app uses,
// and the rules that decide who the person is (README, "Single sign-on"). Pure: no database.
import { z } from "zod";
import { mayGrantRole } from "@/lib/auth/role-grants";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasControlCharacter, hasLoneSurrogate } from "@/lib/validations/fields";
import { ROLE } from "@/lib/vocabulary";
import type { SsoRefusal } from "./sso-refusals";

export type SsoClaims = {
  subject: string;
  /** Lowercased; null when missing or not an email address. */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

const email = z.email().max(254);

// A claim is text on one line, as the app stores it: white space runs become one space; a claim
// with another control character or half a surrogate pair (which jsonb, the audit log, refuses)
// counts as missing.
const text = (value: unknown, max: number): string | null => {
  if (typeof value !== "string") return null;
  const trimmed = value.trim().replace(/\s+/g, " ");
  if (hasControlCharacter(trimmed) || hasLoneSurrogate(trimmed)) return null;
  return trimmed && trimmed.length <= max ? trimmed : null;
};

/**
 * The provider's claims (the ID token's) read strictly. An email counts as verified only when
 * `email_verified` is the boolean true; Microsoft Entra ID sends no `email_verified`, but its
 * optional claim `xms_edov` (the email's domain is verified by the tenant) counts instead.
 * Groups come from the configured claim: a list of strings, or one string.
 */
export function readSsoClaims(raw: Record<string, unknown>, groupsClaim: string): SsoClaims {
  const rawEmail = text(raw.email, 254)?.toLowerCase() ?? null;
  const verified =
    raw.email_verified === true || (raw.email_verified === undefined && raw.xms_edov === true);
  const given = [text(raw.given_name, 100), text(raw.family_name, 100)].filter(Boolean).join(" ");
  const value = raw[groupsClaim];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return {
    subject: text(raw.sub, 255) ?? "",
    email: rawEmail && email.safeParse(rawEmail).success ? rawEmail : null,
    emailVerified: verified,
    name: text(raw.name, 120) ?? (given ? given.slice(0, 120) : null),
    groups: [...new Set(list.map((g) => text(g, 200)).filter((g): g is string => g !== null))],
  };
}

type MappingRule = {
  group: string;
  role: Role;
  /** The roles of the person who created the mapping now; null when they are deactivated. */
  creatorRoles: Role[] | null;
};

/**
 * The roles a person's groups give them, in the enum's order. A mapping grants its role only
 * when its creator may grant that role today (lib/auth/role-grants.ts): Admin only comes from
 * a mapping made by someone who is an admin when it is applied.
 */
export function rolesFromGroups(
  groups: readonly string[],
  mappings: readonly MappingRule[],
): Role[] {
  const mine = new Set(groups);
  const roles = new Set<Role>();
  for (const m of mappings) {
    if (!mine.has(m.group)) continue;
    if (mayGrantRole({ roles: m.creatorRoles ?? [] }, m.role)) roles.add(m.role);
  }
  return ROLE.values.filter((r) => roles.has(r));
}

/** Whether a mapping would grant its role today (for the admin page). */
export function mappingApplies(m: Omit<MappingRule, "group">): boolean {
  return mayGrantRole({ roles: m.creatorRoles ?? [] }, m.role);
}

type KnownPerson = { id: number; email: string; deactivated: boolean };

type SsoPlan =
  | { kind: "refuse"; reason: SsoRefusal }
  /** A person the app knows: `link` records the identity (first sign-in); `newEmail` follows the provider. */
  | { kind: "person"; personId: number; link: boolean; newEmail: string | null }
  | { kind: "provision"; orgId: number };

/**
 * Who signs in. `linked` is the person this issuer + subject was linked to before; `byEmail`
 * the person holding the provider's email (with whether they are already linked to another
 * subject of this issuer); `provisionOrgId` the organisation new people are created in, if any.
 */
export function planSsoSignIn(input: {
  claims: SsoClaims;
  linked: KnownPerson | null;
  byEmail: (KnownPerson & { linkedToAnotherSubject: boolean }) | null;
  provisionOrgId: number | null;
}): SsoPlan {
  const { claims, linked, byEmail } = input;
  if (!claims.subject) return { kind: "refuse", reason: "invalid" };
  if (!claims.email) return { kind: "refuse", reason: "no-email" };
  if (!claims.emailVerified) return { kind: "refuse", reason: "unverified" };
  if (linked) {
    if (linked.deactivated) return { kind: "refuse", reason: "deactivated" };
    if (linked.email === claims.email)
      return { kind: "person", personId: linked.id, link: false, newEmail: null };
    if (byEmail && byEmail.id !== linked.id) return { kind: "refuse", reason: "email-taken" };
    return { kind: "person", personId: linked.id, link: false, newEmail: claims.email };
  }
  if (byEmail) {
    if (byEmail.deactivated) return { kind: "refuse", reason: "deactivated" };
    // The provider gave this email to another account (a recycled address): linking it would
    // hand the person's account to someone else.
    if (byEmail.linkedToAnotherSubject) return { kind: "refuse", reason: "linked-elsewhere" };
    return { kind: "person", personId: byEmail.id, link: true, newEmail: null };
  }
  if (input.provisionOrgId !== null) return { kind: "provision", orgId: input.provisionOrgId };
  return { kind: "refuse", reason: "unknown" };
}
