import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { FILE_NAMES } from "../../lib/transfer/spreadsheet/spec";
import { SERVER_LOG } from "../../playwright.config";
import { createPerson, withE2eDb } from "./db";
import { DEMO, expect, signIn, test } from "./fixtures";

// Issue 14, point 7: password hashes, session tokens, invitation and reset tokens and the
// single sign-on client secret never reach the logs, an error message or a CSV file. One
// journey through every place a secret passes (invitation, set password, failed and good
// sign-ins, password change, forgot password, used and forged links, single sign-on, sign
// out everywhere, every CSV download) with the app logging at debug level; then the app's
// whole output (playwright.config.ts tees it to SERVER_LOG) and every CSV are searched.
test.describe.configure({ timeout: 240_000 });

const MAIL = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? "3191"}`;
const OIDC = `http://localhost:${process.env.E2E_OIDC_PORT ?? 3190}`;
const OIDC_CLIENT_SECRET = "guardians-dev-secret"; // playwright.config.ts's app env
const FIRST = "quiet meadow lantern 41";
const SECOND = "copper estuary violin 8";
const THIRD = "northern orchard kite 27";
const WRONG = "not my password at all 5";

async function linkTo(address: string, n: number): Promise<{ url: string; token: string }> {
  const messages = async () =>
    (await (await fetch(`${MAIL}/messages?to=${encodeURIComponent(address)}`)).json()) as {
      text: string;
    }[];
  await expect.poll(async () => (await messages()).length, { timeout: 15_000 }).toBe(n);
  const text = (await messages())[n - 1]!.text;
  const url = /https?:\/\/\S+\/set-password\/([A-Za-z0-9_-]+)/.exec(text);
  expect(url, text).toBeTruthy();
  return { url: url![0], token: url![1]! };
}

async function freshPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.waitForURL(/\/sign-in\?password=set$/);
}

/** A secret and, for long ones, its last 24 characters (a log might cut or escape the start). */
function needles(secret: string): string[] {
  return secret.length > 40 ? [secret, secret.slice(-24)] : [secret];
}

test("a full journey with debug logging leaves no secret in the logs, messages or CSV files", async ({
  browser,
  page,
}) => {
  const contexts: BrowserContext[] = [page.context()];
  const shownToPeople: string[] = []; // every page text a person saw along the way
  const seen = async (p: Page) => shownToPeople.push(await p.locator("body").innerText());

  // An admin invites a new person; the emailed link sets their first password.
  const person = await createPerson({ name: `Sean Secret ${randomUUID().slice(0, 6)}` });
  await signIn(page, DEMO.admin);
  await page.goto(`/people/${person.id}`);
  const panel = page.getByRole("region", { name: "Sign-in" });
  await panel.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent");
  const invitation = await linkTo(person.email, 1);
  const visitor = await freshPage(browser, contexts);
  await visitor.goto(invitation.url);
  await seen(visitor);
  await setPassword(visitor, FIRST);

  // A wrong password, then the right one.
  await visitor.getByLabel("Email").fill(person.email);
  await visitor.getByLabel("Password").fill(WRONG);
  await visitor.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(visitor.getByText("Email or password is incorrect.")).toBeVisible();
  await seen(visitor);
  await signIn(visitor, person.email, FIRST);

  // The used link, and a forged one, are refused without echoing their token.
  const other = await freshPage(browser, contexts);
  await other.goto(invitation.url);
  await expect(other.getByRole("alert").first()).toBeVisible();
  await seen(other);
  await other.goto(invitation.url.replace(/[A-Za-z0-9_-]+$/, "A".repeat(43)));
  await expect(other.getByRole("alert").first()).toBeVisible();
  await seen(other);

  // Their password change on /account (a wrong current password first).
  await visitor.goto("/account");
  const form = visitor.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(WRONG);
  await form.getByLabel("New password", { exact: true }).fill(SECOND);
  await form.getByLabel("New password again").fill(SECOND);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert").first()).toBeVisible();
  await seen(visitor);
  await form.getByLabel("Current password").fill(FIRST);
  await form.getByLabel("New password", { exact: true }).fill(SECOND);
  await form.getByLabel("New password again").fill(SECOND);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(visitor.getByRole("status")).toContainText("Your password is changed.");

  // Forgot password: the reset link sets a third one.
  const forgetful = await freshPage(browser, contexts);
  await forgetful.goto("/forgot-password");
  await forgetful.getByLabel("Email").fill(person.email);
  await forgetful.getByRole("button", { name: "Send me a link" }).click();
  await expect(forgetful.getByRole("status")).toContainText("If an account exists");
  const reset = await linkTo(person.email, 2);
  await forgetful.goto(reset.url);
  await setPassword(forgetful, THIRD);
  await signIn(forgetful, person.email, THIRD);

  // Single sign-on as the same person (the provider knows them by email); it is logged.
  await fetch(`${OIDC}/__control/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      sub: `secrets-${person.id}`,
      email: person.email,
      email_verified: true,
      name: "Sean Secret",
      groups: [],
    }),
  });
  const sso = await freshPage(browser, contexts);
  await sso.goto("/sign-in");
  await sso.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await sso.waitForURL((u) => u.origin === OIDC);
  await sso.getByLabel("Email").fill(person.email);
  await sso.getByLabel("Password").fill("guardians-demo");
  await sso.getByRole("button", { name: "Continue" }).click();
  await sso.waitForURL((u) => u.origin !== OIDC && !u.pathname.startsWith("/api/auth"));
  await signIn(await freshPage(browser, contexts), person.email, THIRD); // another browser
  await sso.goto("/account");
  await expect(
    sso.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem"),
  ).toHaveCount(3); // the reset browser, another and this one
  await sso.getByRole("button", { name: "Sign out everywhere else" }).click();
  await sso.getByRole("dialog").getByRole("button", { name: "Sign out elsewhere" }).click();
  await expect(sso.getByRole("status")).toContainText("2 other sessions");

  // The admin downloads every CSV the app serves: the spreadsheet export and a dashboard's.
  const csvs: string[] = [];
  for (const file of FILE_NAMES) {
    const res = await page.request.get(`/api/transfer/export/${file}`);
    expect(res.status(), file).toBe(200);
    csvs.push(await res.text());
  }
  for (const family of ["people", "time", "reviews"]) {
    const res = await page.request.get(`/api/metrics/${family}`);
    expect(res.status(), family).toBe(200);
    csvs.push(await res.text());
  }

  // The secrets: every password hash and link token hash in the database, every cookie the
  // browsers hold, every emailed token, the passwords typed, the signing key and the client secret.
  const stored = await withE2eDb(async (c) => {
    const hashes = await c.query<{ h: string }>(
      `SELECT "passwordHash" AS h FROM "User" WHERE "passwordHash" IS NOT NULL
       UNION ALL SELECT "tokenHash" FROM "SignInLink"`,
    );
    const sessions = await c.query<{ id: string }>(`SELECT id::text FROM "Session"`);
    return [...hashes.rows.map((r) => r.h), ...sessions.rows.map((r) => r.id)];
  });
  const cookies = (await Promise.all(contexts.map((c) => c.cookies())))
    .flat()
    .filter((c) => c.value.length >= 16)
    .map((c) => decodeURIComponent(c.value));
  expect(cookies.some((c) => c.split(".").length === 5)).toBe(true); // a session token (JWE)
  const authSecret = (await readFile(".data/auth-secret", "utf8").catch(() => "")).trim();
  const secrets = [
    ...stored,
    ...cookies,
    invitation.token,
    reset.token,
    FIRST,
    SECOND,
    THIRD,
    WRONG,
    OIDC_CLIENT_SECRET,
    ...(authSecret ? [authSecret] : []),
  ];

  // The log really holds this journey (so an empty or foreign file cannot pass).
  let log = "";
  await expect
    .poll(
      async () => {
        log = await readFile(SERVER_LOG, "utf8").catch(() => "");
        return log.includes(`"single sign-on linked"`) && log.includes(`"changePassword"`);
      },
      { message: `the app's output in ${SERVER_LOG}`, timeout: 15_000 },
    )
    .toBe(true);

  const places = { log, csv: csvs.join("\n"), "page text": shownToPeople.join("\n") };
  const leaks: string[] = [];
  for (const [place, text] of Object.entries(places))
    for (const secret of secrets)
      for (const needle of needles(secret))
        if (text.includes(needle)) leaks.push(`${place} holds ${needle.slice(0, 12)}…`);
  expect(leaks).toEqual([]);
  for (const c of contexts.slice(1)) await c.close();
});
