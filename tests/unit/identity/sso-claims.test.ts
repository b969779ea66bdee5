import { describe, expect, it } from "vitest";
import {
  mappingApplies,
  planSsoSignIn,
  readSsoClaims,
  rolesFromGroups,
  type SsoClaims,
} from "@/lib/identity/sso-claims";
import { signInErrorMessage } from "@/lib/identity/sso-errors";
import { SSO_REFUSALS, ssoRefusal } from "@/lib/identity/sso-refusals";
import { OidcConfigError, oidcRedirectUri, oidcSettings } from "@/lib/auth/oidc";

describe("readSsoClaims", () => {
  it("reads subject, lowercased email, verification, name and groups", () => {
    expect(
      readSsoClaims(
        {
          sub: "abc",
          email: " Ada.Admin@Example.TEST ",
          email_verified: true,
          name: " Ada  Admin ",
          groups: ["admins", " leads ", "admins", "", 7],
        },
        "groups",
      ),
    ).toEqual<SsoClaims>({
      subject: "abc",
      email: "ada.admin@example.test",
      emailVerified: true,
      name: "Ada Admin",
      groups: ["admins", "leads"],
    });
  });

  it.each([
    [{ email_verified: "true" }, false],
    [{ email_verified: false }, false],
    [{}, false],
    [{ xms_edov: true }, true], // Entra ID's verified-domain claim when email_verified is absent
    [{ email_verified: false, xms_edov: true }, false],
  ])("verification from %j is %s", (extra, verified) => {
    expect(readSsoClaims({ sub: "s", email: "a@b.test", ...extra }, "groups").emailVerified).toBe(
      verified,
    );
  });

  it("refuses malformed emails and reads one string or a custom claim as groups", () => {
    const c = readSsoClaims({ sub: "s", email: "not-an-email", roles: "x" }, "roles");
    expect(c.email).toBeNull();
    expect(c.groups).toEqual(["x"]);
    expect(readSsoClaims({ sub: "s" }, "groups").groups).toEqual([]);
  });

  it("counts a claim with half a surrogate pair or a control character as missing", () => {
    const claims = readSsoClaims(
      {
        sub: "abc",
        email: "ada@example.test",
        email_verified: true,
        name: "Ada \uD800",
        given_name: "Ada",
        family_name: "Lo\u0000velace",
        groups: ["ok", "bad\uDC00", "esc\u001b"],
      },
      "groups",
    );
    expect(claims.name).toBe("Ada");
    expect(claims.groups).toEqual(["ok"]);
    expect(readSsoClaims({ sub: "a\uD800" }, "groups").subject).toBe("");
  });

  it("falls back to given and family name", () => {
    expect(readSsoClaims({ sub: "s", given_name: "Gina", family_name: "G" }, "g").name).toBe(
      "Gina G",
    );
  });
});

describe("rolesFromGroups", () => {
  const admin = ["ADMIN"] as const;
  it("gives the mapped roles in the enum's order, only for the person's groups", () => {
    expect(
      rolesFromGroups(
        ["eng", "sec"],
        [
          { group: "eng", role: "BUILDER", creatorRoles: [...admin] },
          { group: "sec", role: "SECURITY_ENGINEER", creatorRoles: [...admin] },
          { group: "ops", role: "LEAD", creatorRoles: [...admin] },
        ],
      ),
    ).toEqual(["SECURITY_ENGINEER", "BUILDER"]);
  });

  it("grants Admin only from a mapping whose creator is an active admin now", () => {
    const m = (creatorRoles: ("ADMIN" | "LEAD")[] | null) => [
      { group: "g", role: "ADMIN" as const, creatorRoles },
    ];
    expect(rolesFromGroups(["g"], m(["ADMIN"]))).toEqual(["ADMIN"]);
    expect(rolesFromGroups(["g"], m(["LEAD"]))).toEqual([]);
    expect(rolesFromGroups(["g"], m(null))).toEqual([]);
    expect(mappingApplies({ role: "ADMIN", creatorRoles: ["LEAD"] })).toBe(false);
    expect(mappingApplies({ role: "BUILDER", creatorRoles: null })).toBe(true);
  });
});

describe("planSsoSignIn", () => {
  const claims: SsoClaims = {
    subject: "sub-1",
    email: "gina@example.test",
    emailVerified: true,
    name: "Gina",
    groups: [],
  };
  const person = (id: number, email = "gina@example.test", deactivated = false) => ({
    id,
    email,
    deactivated,
  });
  const base = { claims, linked: null, byEmail: null, provisionOrgId: null };

  it("links a first sign-in by email", () => {
    expect(
      planSsoSignIn({ ...base, byEmail: { ...person(4), linkedToAnotherSubject: false } }),
    ).toEqual({ kind: "person", personId: 4, link: true, newEmail: null });
  });
  it("uses the subject later, and follows an email change", () => {
    expect(planSsoSignIn({ ...base, linked: person(4) })).toEqual({
      kind: "person",
      personId: 4,
      link: false,
      newEmail: null,
    });
    expect(planSsoSignIn({ ...base, linked: person(4, "old@example.test") })).toEqual({
      kind: "person",
      personId: 4,
      link: false,
      newEmail: "gina@example.test",
    });
  });
  it.each([
    ["no subject", { claims: { ...claims, subject: "" } }, "invalid"],
    ["no email", { claims: { ...claims, email: null } }, "no-email"],
    ["unverified", { claims: { ...claims, emailVerified: false } }, "unverified"],
    ["unknown", {}, "unknown"],
    ["deactivated (linked)", { linked: person(4, "gina@example.test", true) }, "deactivated"],
    [
      "deactivated (by email)",
      { byEmail: { ...person(4, "gina@example.test", true), linkedToAnotherSubject: false } },
      "deactivated",
    ],
    [
      "new email held by another",
      {
        linked: person(4, "old@example.test"),
        byEmail: { ...person(5), linkedToAnotherSubject: false },
      },
      "email-taken",
    ],
    [
      "email linked to another subject",
      { byEmail: { ...person(5), linkedToAnotherSubject: true } },
      "linked-elsewhere",
    ],
  ])("refuses: %s", (_name, change, reason) => {
    expect(planSsoSignIn({ ...base, ...change })).toEqual({ kind: "refuse", reason });
  });
  it("provisions unknown people only when an organisation is configured", () => {
    expect(planSsoSignIn({ ...base, provisionOrgId: 9 })).toEqual({ kind: "provision", orgId: 9 });
  });
});

describe("messages", () => {
  it("maps Auth.js error codes to clear messages, unknown codes to a generic one", () => {
    expect(signInErrorMessage("OAuthSignin")).toMatch(/could not be reached/);
    expect(signInErrorMessage("OAuthCallback")).toMatch(/did not check out/);
    expect(signInErrorMessage("whatever")).toMatch(/could not be completed/);
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("toString")).toMatch(/could not be completed/);
  });
  it("reads a refusal reason from the URL, never an arbitrary one", () => {
    expect(ssoRefusal("unknown").body).toMatch(/Ask your program lead to add you/);
    expect(ssoRefusal("constructor")).toBe(SSO_REFUSALS.invalid);
    expect(ssoRefusal(["unknown"])).toBe(SSO_REFUSALS.invalid);
  });
});

describe("oidcSettings", () => {
  const full = {
    OIDC_ISSUER: "https://id.example.test/",
    OIDC_CLIENT_ID: "guardians",
    OIDC_CLIENT_SECRET: "s3cret",
  };
  it("is off without any OIDC variable and fills defaults otherwise", () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings(full)).toEqual({
      issuer: "https://id.example.test",
      clientId: "guardians",
      clientSecret: "s3cret",
      name: "single sign-on",
      scopes: "openid email profile",
      groupsClaim: "groups",
      autoProvisionOrgKey: null,
      clientAuth: "client_secret_basic",
    });
  });
  it("names what is missing when half configured, and refuses bad values", () => {
    expect(() => oidcSettings({ OIDC_ISSUER: "https://id.example.test" })).toThrow(
      /half configured: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are missing/,
    );
    expect(() => oidcSettings({ ...full, OIDC_SCOPES: "email profile" })).toThrow(OidcConfigError);
    expect(() => oidcSettings({ ...full, OIDC_ISSUER: "not a url" })).toThrow(/issuer URL/);
    expect(() => oidcSettings({ ...full, OIDC_CLIENT_AUTH: "private_key_jwt" })).toThrow(
      /client_secret_basic or client_secret_post/,
    );
  });
  it("gives the redirect URI to register", () => {
    expect(oidcRedirectUri("https://guardians.example.test/")).toBe(
      "https://guardians.example.test/api/auth/callback/oidc",
    );
  });
});
