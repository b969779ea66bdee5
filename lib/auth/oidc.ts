// The single sign-on provider, from the environment (README, "Single sign-on"). One standard
// OpenID Connect provider: discovery from the issuer, authorisation code flow with PKCE, state
// and nonce checked, the person read from the signed ID token.
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";

const blankAsUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema);

const REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

const envSchema = z.object({
  OIDC_ISSUER: z
    .url("OIDC_ISSUER must be the provider's issuer URL (https://…)")
    .transform((u) => u.replace(/\/+$/, "")),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_NAME: optional(z.string().max(60, "Keep OIDC_NAME under 60 characters").optional()),
  OIDC_SCOPES: optional(
    z
      .string()
      .refine((s) => s.split(/\s+/).includes("openid"), "OIDC_SCOPES must include openid")
      .default("openid email profile"),
  ),
  OIDC_GROUPS_CLAIM: optional(z.string().max(200).default("groups")),
  OIDC_AUTO_PROVISION: optional(z.string().max(100).optional()),
  OIDC_CLIENT_AUTH: optional(
    z
      .enum(["client_secret_basic", "client_secret_post"], {
        error: "OIDC_CLIENT_AUTH must be client_secret_basic or client_secret_post",
      })
      .default("client_secret_basic"),
  ),
});

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  groupsClaim: string;
  /** The key of the organisation unknown people are created in, or null (they are refused). */
  autoProvisionOrgKey: string | null;
  clientAuth: "client_secret_basic" | "client_secret_post";
};

export class OidcConfigError extends Error {}

/**
 * The SSO settings, or null when SSO is not configured (no OIDC_* variable set). Half a
 * configuration is an error with a message naming what is missing, so a server never starts
 * with a sign-in button that cannot work.
 */
export function oidcSettings(
  env: Record<string, string | undefined> = process.env,
): OidcSettings | null {
  const set = REQUIRED.filter((k) => env[k]?.trim());
  if (set.length === 0) return null;
  const missing = REQUIRED.filter((k) => !env[k]?.trim());
  if (missing.length)
    throw new OidcConfigError(
      `Single sign-on is half configured: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing ` +
        `(${set.join(", ")} ${set.length > 1 ? "are" : "is"} set). Set all of ${REQUIRED.join(", ")}, or none.`,
    );
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new OidcConfigError(
      `Single sign-on settings are invalid: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  const e = parsed.data;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME ?? "single sign-on",
    scopes: e.OIDC_SCOPES.split(/\s+/).join(" "),
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    autoProvisionOrgKey: e.OIDC_AUTO_PROVISION ?? null,
    clientAuth: e.OIDC_CLIENT_AUTH,
  };
}

/** The redirect URI to register at the provider. */
export function oidcRedirectUri(baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000") {
  return `${baseUrl.replace(/\/+$/, "")}/api/auth/callback/oidc`;
}

/** The Auth.js provider (id `oidc`). The profile's id is the subject; sign-in links it. */
export function oidcProvider(s: OidcSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: s.name,
    type: "oauth",
    wellKnown: `${s.issuer}/.well-known/openid-configuration`,
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    client: { token_endpoint_auth_method: s.clientAuth },
    authorization: { params: { scope: s.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // A provider that hangs must not hang the sign-in page.
    httpOptions: { timeout: 10_000 },
    profile(claims) {
      return {
        id: String(claims.sub ?? ""),
        name: typeof claims.name === "string" ? claims.name : null,
        email: typeof claims.email === "string" ? claims.email : null,
        image: null,
      };
    },
  };
}
