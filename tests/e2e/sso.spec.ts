// Single sign-on against a real OpenID Connect provider (tests/support/oidc-provider.ts, started
// by playwright.config.ts). Each test signs in people of its own, added to the app's database
// and to the provider here, so the demo accounts other tests use are never changed.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO, expect, signIn, test } from "./fixtures";

const OIDC = `http://localhost:${process.env.E2E_OIDC_PORT ?? 3190}`;
const DATABASE = `postgresql://guardians:guardians@127.0.0.1:${process.env.TEST_PG_PORT ?? 54330}/guardians_e2e`;
const PASSWORD = "guardians-demo";

type Account = {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
};

async function control(path: string, body?: unknown) {
  const res = await fetch(`${OIDC}/__control/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `provider control ${path}`).toBe(true);
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: DATABASE });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A person in the app (hand roles) and their account at the provider (groups). */
async function person(opts: {
  roles?: string[];
  groups?: string[];
  inApp?: boolean;
  deactivated?: boolean;
}) {
  const id = randomUUID().slice(0, 8);
  const account: Account = {
    sub: `e2e-${id}`,
    email: `sso-${id}@guardians.test`,
    email_verified: true,
    name: `Sso Person ${id}`,
    groups: opts.groups ?? [],
  };
  await control("accounts", account);
  if (opts.inApp !== false) {
    await sql(
      `INSERT INTO "User" (email, name, roles, "orgId", "deactivatedAt")
       VALUES ($1, $2, $3::"Role"[], (SELECT id FROM "Org" ORDER BY id LIMIT 1), $4)`,
      [
        account.email,
        `Before SSO ${id}`,
        opts.roles ?? ["BUILDER"],
        opts.deactivated ? new Date() : null,
      ],
    );
  }
  return account;
}

const userByEmail = async (email: string) =>
  (
    await sql<{ id: number; name: string; roles: string; groupRoles: string }>(
      `SELECT id, name, roles::text, "groupRoles"::text FROM "User" WHERE email = $1`,
      [email],
    )
  )[0];

/** Clicks "Sign in with Test IdP"; fills the provider's login form unless its session remains. */
async function ssoSignIn(page: Page, email: string, { login = true } = {}) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  if (login) {
    await page.waitForURL((u) => u.origin === OIDC);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL((u) => u.origin !== OIDC && !u.pathname.startsWith("/api/auth"));
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("SSO sign-in lands on the home of the roles the groups map to", async ({ page }) => {
  const lead = await person({ roles: ["BUILDER"], groups: ["guardians-leads", "not-mapped"] });
  await ssoSignIn(page, lead.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Program lead home" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import / export" })).toBeVisible();
  const row = await userByEmail(lead.email);
  expect(row).toMatchObject({ name: lead.name, roles: "{LEAD,BUILDER}", groupRoles: "{LEAD}" });
  await page.screenshot({ path: "test-results/sso-lead-home.png" });
});

test("an unknown person is asked to get added by their program lead", async ({ page }) => {
  const stranger = await person({ inApp: false, groups: ["guardians-leads"] });
  await ssoSignIn(page, stranger.email);
  await expect(page).toHaveURL(/\/sign-in\/refused\?reason=unknown/);
  await expect(page.getByRole("heading", { name: "You are not in Guardians yet" })).toBeVisible();
  await expect(page.getByText("Ask your program lead to add you")).toBeVisible();
  await page.screenshot({ path: "test-results/sso-refused-unknown.png" });
  expect(await userByEmail(stranger.email)).toBeUndefined();
  await expectSignedOut(page);
});

test("a deactivated person is refused with a clear page", async ({ page }) => {
  const gone = await person({ deactivated: true, groups: ["engineering"] });
  await ssoSignIn(page, gone.email);
  await expect(page.getByRole("heading", { name: "Your account is deactivated" })).toBeVisible();
  await expectSignedOut(page);
});

test("a group removed at the provider removes its role at the next sign-in", async ({ page }) => {
  const p = await person({ roles: ["BUILDER"], groups: ["engineering", "guardians-leads"] });
  await ssoSignIn(page, p.email);
  await expect(page.getByRole("heading", { name: "Program lead home" })).toBeVisible();
  await signOut(page);

  await control("accounts", { ...p, groups: ["engineering"] });
  await ssoSignIn(page, p.email, { login: false });
  await expect(page.getByRole("heading", { name: "Your security work" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import / export" })).toHaveCount(0);
  const res = await page.goto("/import");
  expect(res?.status()).toBe(403);
  expect(await userByEmail(p.email)).toMatchObject({ roles: "{BUILDER}", groupRoles: "{BUILDER}" });
});

test("an email changed at the provider updates the person, no second one", async ({ page }) => {
  const p = await person({ groups: ["engineering"] });
  await ssoSignIn(page, p.email);
  const before = await userByEmail(p.email);
  await signOut(page);

  const renamed = `renamed-${p.email}`;
  await control("accounts", { ...p, email: renamed, name: "Renamed Person" });
  await ssoSignIn(page, renamed, { login: false });
  await expect(page.getByRole("heading", { name: "Your security work" })).toBeVisible();
  expect(await userByEmail(p.email)).toBeUndefined();
  expect(await userByEmail(renamed)).toMatchObject({ id: before!.id, name: "Renamed Person" });
});

test("a tampered or replayed callback is refused with a clear message and no session", async ({
  page,
}) => {
  const p = await person({ groups: ["engineering"] });
  // The provider shows its answer as a link instead of redirecting, so it can be altered.
  await control("hold");
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL((u) => u.origin === OIDC);
  await page.getByLabel("Email").fill(p.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const callback = await page
    .getByRole("link", { name: "Continue to the app" })
    .getAttribute("href");
  expect(callback).toContain("state=");

  const tampered = new URL(callback!);
  tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
  await page.goto(tampered.toString());
  await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
  await expect(page.getByRole("alert").filter({ hasText: "did not check out" })).toBeVisible();
  await page.screenshot({ path: "test-results/sso-tampered.png" });
  await expectSignedOut(page);
  expect(await sql(`SELECT 1 FROM "SsoIdentity" WHERE subject = $1`, [p.sub])).toHaveLength(0);

  // The untouched answer signs in (so the state alone made the difference)…
  await page.goto(callback!);
  await expect(page.getByRole("heading", { name: "Your security work" })).toBeVisible();
  await signOut(page);
  // …once: sent again (a replay), it is refused and starts no session.
  await page.goto(callback!);
  await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
  await expectSignedOut(page);
});

test("a provider that is down gives a clear message; password sign-in still works", async ({
  page,
}) => {
  await control("down");
  try {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
    await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthSignin/);
    await expect(page.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
    await page.screenshot({ path: "test-results/sso-provider-down.png" });
    await signIn(page, DEMO.lead);
    await expect(page.getByRole("heading", { name: "Program lead home" })).toBeVisible();
  } finally {
    await control("up");
  }
});

test("the admin maps a group to a role on /admin/sso and removes it", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await expect(page.getByText("/api/auth/callback/oidc")).toBeVisible();
  // The demo admin's mappings, matching the provider's groups.
  await expect(page.getByRole("rowheader", { name: "guardians-leads" })).toBeVisible();

  const group = `e2e-${randomUUID().slice(0, 8)}`;
  const form = page.getByRole("form", { name: "Map a group to a role" });
  // Spaces only: the server refuses it beside the field.
  await form.getByLabel("Group").fill("   ");
  await form.getByLabel("Role").selectOption("SECURITY_ENGINEER");
  await form.getByRole("button", { name: "Add mapping" }).click();
  await expect(form.getByText("Enter the group's value")).toBeVisible();
  await form.getByLabel("Group").fill(group);
  await form.getByLabel("Role").selectOption("SECURITY_ENGINEER");
  await form.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByRole("status")).toContainText(`Members of “${group}”`);
  const row = page.getByRole("row", { name: new RegExp(group) });
  await expect(row).toContainText("Security engineer");
  await expect(row).toContainText("Ada Admin");
  await page.screenshot({ path: "test-results/sso-admin.png", fullPage: true });

  await row.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Remove “${group}” → Security engineer?`);
  await dialog.getByRole("button", { name: "Remove mapping" }).click();
  await expect(page.getByRole("row", { name: new RegExp(group) })).toHaveCount(0);
  const audit = await sql<{ action: string }>(
    `SELECT action FROM "AuditLog" WHERE entity = 'GroupRoleMapping' AND (after->>'group' = $1 OR before->>'group' = $1) ORDER BY id`,
    [group],
  );
  expect(audit.map((a) => a.action)).toEqual(["create", "delete"]);
});
