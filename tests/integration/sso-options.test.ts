// The Auth.js options as the environment configures them: which providers exist (server side),
// and what the signIn callback does with a provider's claims (a person's id, or a refusal page).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account, User } from "next-auth";
import { db } from "@/lib/db/client";
import { createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const SSO = {
  OIDC_ISSUER: "https://id.example.test",
  OIDC_CLIENT_ID: "guardians",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_NAME: "Example ID",
};
const saved = { ...process.env };

async function optionsWith(env: Record<string, string>) {
  for (const k of [...Object.keys(SSO), "PASSWORD_SIGN_IN"]) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import("@/lib/auth/options")).authOptions;
}

beforeEach(() => resetDatabase());
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe("providers", () => {
  it("offers passwords only without SSO, both with it, and only SSO with PASSWORD_SIGN_IN=false", async () => {
    expect((await optionsWith({})).providers.map((p) => p.id)).toEqual(["credentials"]);
    expect((await optionsWith(SSO)).providers.map((p) => p.id)).toEqual(["oidc", "credentials"]);
    const ssoOnly = await optionsWith({ ...SSO, PASSWORD_SIGN_IN: "false" });
    expect(ssoOnly.providers.map((p) => p.id)).toEqual(["oidc"]);
    // Without SSO, switching passwords off would lock everyone out: it stays on.
    expect((await optionsWith({ PASSWORD_SIGN_IN: "false" })).providers.map((p) => p.id)).toEqual([
      "credentials",
    ]);
  });

  it("configures discovery, PKCE, state and nonce, and the ID token", async () => {
    const oidc = (await optionsWith(SSO)).providers[0] as unknown as Record<string, unknown>;
    expect(oidc).toMatchObject({
      id: "oidc",
      type: "oauth",
      name: "Example ID",
      wellKnown: "https://id.example.test/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      client: { token_endpoint_auth_method: "client_secret_basic" },
    });
  });

  it("refuses to load half a configuration, naming what is missing", async () => {
    await expect(optionsWith({ OIDC_ISSUER: SSO.OIDC_ISSUER })).rejects.toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are missing/,
    );
  });
});

describe("the signIn callback", () => {
  const account = { provider: "oidc", type: "oauth", providerAccountId: "s-1" } as Account;
  const claims = (email: string) => ({
    sub: "s-1",
    email,
    email_verified: true,
    name: "Gina",
  });

  it("turns the provider's user into the person and lets a password sign-in through", async () => {
    const options = await optionsWith(SSO);
    const gina = await createUser(["GUARDIAN"], { email: "gina@example.test" });
    const user = { id: "s-1" } as User;
    const signIn = options.callbacks!.signIn!;
    expect(await signIn({ user, account, profile: claims("gina@example.test") })).toBe(true);
    expect(user.id).toBe(String(gina.id));
    expect(await db.ssoIdentity.count()).toBe(1);
    expect(
      await signIn({
        user: { id: "7" } as User,
        account: { ...account, provider: "credentials", type: "credentials" },
      }),
    ).toBe(true);
  });

  it("sends a refusal to the refusal page with its reason, and starts nothing", async () => {
    const options = await optionsWith(SSO);
    const user = { id: "s-1" } as User;
    expect(
      await options.callbacks!.signIn!({ user, account, profile: claims("nobody@example.test") }),
    ).toBe("/sign-in/refused?reason=unknown");
    expect(user.id).toBe("s-1");
    expect(await db.session.count()).toBe(0);
  });
});
