import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Invitations and password reset end to end: the app sends through a real SMTP server (the
// mail sink started by playwright.config.ts), the test reads the mailbox over HTTP and opens
// the link in a signed-out browser.
const MAIL = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? "3191"}`;
const DB = `postgresql://guardians:guardians@127.0.0.1:${process.env.TEST_PG_PORT ?? "54330"}/guardians_e2e`;
const PASSWORD = "marble canyon sunrise";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: DB });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** People of the first organisation, without a password unless given one; returns their ids. */
async function addPeople(names: string[], password?: string) {
  const passwordHash = password ? await hash(password) : null;
  const [org] = await sql<{ id: number }>(`SELECT id FROM "Org" ORDER BY id LIMIT 1`);
  const ids: number[] = [];
  for (const name of names) {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@e2e.test`;
    const [row] = await sql<{ id: number }>(
      `INSERT INTO "User" (email, name, "handRoles", "orgId", "passwordHash")
       VALUES ($1, $2, '{BUILDER}', $3, $4) RETURNING id`,
      [email, name, org!.id, passwordHash],
    );
    ids.push(row!.id);
  }
  return ids;
}

const emailOf = async (id: number) =>
  (await sql<{ email: string }>(`SELECT email FROM "User" WHERE id = $1`, [id]))[0]!.email;

type Message = { to: string[]; subject: string; text: string };
async function mailTo(address: string): Promise<Message[]> {
  const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as Message[];
}

/** The set-password link of the `n`th email to the address (waits for it to arrive). */
async function linkFor(address: string, n = 1): Promise<string> {
  await expect.poll(async () => (await mailTo(address)).length, { timeout: 15_000 }).toBe(n);
  const message = (await mailTo(address))[n - 1]!;
  const url = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(url, message.text).toBeTruthy();
  return url!;
}

async function signedOut(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
}

const unique = () => randomBytes(3).toString("hex");

test("a lead invites a person from their page; the emailed link sets a password once", async ({
  page,
  browser,
}) => {
  test.slow(); // three browsers, three sign-ins and an argon2 hash: slow on a busy machine
  const name = `Iris Invitee ${unique()}`;
  const [id] = await addPeople([name]);
  const email = await emailOf(id!);

  // Someone who does not manage people sees no sign-in panel.
  const manager = await signedOut(browser);
  await signIn(manager, DEMO.manager);
  await manager.goto(`/people/${id}`);
  await expect(manager.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(manager.getByRole("region", { name: "Sign-in" })).toHaveCount(0);
  await manager.context().close();

  await signIn(page, DEMO.lead);
  await page.goto(`/people/${id}`);
  const panel = page.getByRole("region", { name: "Sign-in" });
  await expect(panel).toContainText("Cannot sign in yet.");
  await panel.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
  await expect(panel).toContainText("Invited: can sign in once they choose a password");
  await page.screenshot({ path: "test-results/invitations-panel.png", fullPage: true });

  const link = await linkFor(email);
  const [message] = await mailTo(email);
  expect(message!.subject).toMatch(/^You are invited to /);
  expect(message!.text).toContain("Lena Lead has invited you");

  const visitor = await signedOut(browser);
  const response = await visitor.goto(link);
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(visitor.getByRole("heading", { name: "Welcome: choose a password" })).toBeVisible();
  await expect(visitor.getByText(`this password is for ${email}`)).toBeVisible();
  await visitor.screenshot({ path: "test-results/invitations-set-password.png", fullPage: true });
  // A common password is refused beside its field; nothing is used up.
  await setPassword(visitor, "password1234");
  await expect(visitor.getByText("That password is on a list of common passwords")).toBeVisible();
  await visitor.screenshot({ path: "test-results/invitations-common.png", fullPage: true });
  await setPassword(visitor, PASSWORD);
  await visitor.waitForURL(/\/sign-in\?password=set$/);
  await expect(visitor.getByRole("status")).toHaveText("Your password is set. Sign in with it.");
  await visitor.screenshot({ path: "test-results/invitations-signin-notice.png", fullPage: true });
  await signIn(visitor, email, PASSWORD);
  await expect(visitor).toHaveURL("/");

  // The link works once.
  const again = await signedOut(browser);
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(
    again
      .getByRole("alert")
      .filter({ hasText: "This link has already been used. Each link sets a password once." }),
  ).toBeVisible();
  await expect(again.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await again.screenshot({ path: "test-results/invitations-used.png", fullPage: true });

  await page.reload();
  await expect(panel).toContainText("Signs in with: Password.");
  await expect(panel.getByRole("button", { name: /Send/ })).toHaveCount(0);
});

test("an expired invitation link is refused, and an unknown one too", async ({ page, browser }) => {
  const [id] = await addPeople([`Evan Expired ${unique()}`]);
  const email = await emailOf(id!);
  await signIn(page, DEMO.admin);
  await page.goto(`/people/${id}`);
  await page
    .getByRole("region", { name: "Sign-in" })
    .getByRole("button", { name: "Send invitation" })
    .click();
  const link = await linkFor(email);
  await sql(
    `UPDATE "SignInLink" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1`,
    [id],
  );
  const visitor = await signedOut(browser);
  await visitor.goto(link);
  await expect(
    visitor.getByRole("alert").filter({ hasText: "This link has expired." }),
  ).toBeVisible();
  await visitor.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(visitor).toHaveURL("/forgot-password");
  await visitor.goto(link.replace(/[A-Za-z0-9_-]{43}$/, "x".repeat(43)));
  await expect(
    visitor.getByRole("alert").filter({ hasText: "This link is not valid." }),
  ).toBeVisible();
});

test("forgot password: the emailed link sets a new password and the old one stops working", async ({
  page,
  browser,
}) => {
  const oldPassword = "first garden password";
  const [id] = await addPeople([`Fay Forgetful ${unique()}`], oldPassword);
  const email = await emailOf(id!);
  // A session from before the reset, which the reset ends.
  const before = await signedOut(browser);
  await signIn(before, email, oldPassword);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(
    "If an account exists for that address, we have sent a link",
  );
  await page.screenshot({ path: "test-results/invitations-forgot.png", fullPage: true });
  // An unknown address gets the same answer (and no email).
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(`nobody.${unique()}@e2e.test`);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");

  const link = await linkFor(email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const newPassword = "second harbour lantern";
  await setPassword(page, newPassword);
  await page.waitForURL(/\/sign-in\?password=set$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }),
  ).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL("/");

  await before.goto("/");
  await expect(before).toHaveURL(/\/sign-in/);
});

test("a lead invites everyone of a filtered list who cannot sign in, with progress and a summary", async ({
  page,
}) => {
  const tag = `Bulk${unique()}`;
  await addPeople(Array.from({ length: 30 }, (_, i) => `${tag} Person ${i + 1}`));
  await addPeople([`${tag} Has Password`], PASSWORD);
  await signIn(page, DEMO.lead);
  await page.goto(`/directory/people?q=${tag}`);
  // The first page: 24 of the 30, and the person with a password (sorted among them).
  await expect(page.getByRole("cell", { name: "Not at all" })).toHaveCount(24);
  await page.getByRole("button", { name: "Invite the 30 people here who cannot sign in" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite 30 people?" });
  await expect(dialog.getByLabel("Also people invited in the last 24 hours")).not.toBeChecked();
  await page.screenshot({ path: "test-results/invitations-bulk-confirm.png", fullPage: true });
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  const progress = page.getByRole("progressbar", { name: "Invitations" });
  await expect(progress).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Done: 30 people invited.", {
    timeout: 30_000,
  });
  await expect(progress).toHaveAttribute("aria-valuenow", "30");
  await page.screenshot({ path: "test-results/invitations-bulk-done.png", fullPage: true });
  const all = (await (await fetch(`${MAIL}/messages`)).json()) as Message[];
  expect(all.filter((m) => m.to[0]!.startsWith(tag.toLowerCase()))).toHaveLength(30);
  await expect(page.getByRole("cell", { name: "Invited", exact: true })).toHaveCount(24);

  // Again at once: nobody is invited twice in a day unless asked.
  await page.getByRole("button", { name: "Invite the 30 people here who cannot sign in" }).click();
  await page
    .getByRole("dialog", { name: "Invite 30 people?" })
    .getByRole("button", { name: "Send invitations" })
    .click();
  await expect(page.getByRole("status")).toHaveText(
    "Done: 0 people invited, 30 skipped (invited in the last 24 hours).",
    { timeout: 30_000 },
  );
  // The Sign-in filter finds them.
  await page.goto(`/directory/people?q=${tag}&signin=password`);
  await expect(page.getByRole("cell", { name: `${tag} Has Password`, exact: true })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
});

test("the link pages, the sign-in panel and the bulk invitation have no serious accessibility violation", async ({
  page,
  browser,
}) => {
  test.slow(); // axe runs seven times
  const visitor = await signedOut(browser);
  for (const path of ["/forgot-password", `/set-password/${"x".repeat(43)}`]) {
    await visitor.goto(path);
    await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(visitor), path).toEqual([]);
  }
  const tag = `Axe${unique()}`;
  const [id] = await addPeople([`${tag} Person`]);
  await signIn(page, DEMO.lead);
  await page.goto(`/people/${id}`);
  await page
    .getByRole("region", { name: "Sign-in" })
    .getByRole("button", { name: "Send invitation" })
    .click();
  await expect(page.getByRole("status")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Switch between light and dark theme" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/invitations-panel-dark.png" });
  await visitor.goto(await linkFor(await emailOf(id!)));
  await expect(visitor.getByLabel("New password")).toBeVisible();
  expect(await seriousViolations(visitor)).toEqual([]);
  await page.goto(`/directory/people?q=${tag}`);
  await page.getByRole("button", { name: "Invite the 1 person here who cannot sign in" }).click();
  await page.getByRole("dialog").getByLabel("Also people invited in the last 24 hours").check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("dialog").getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("status")).toHaveText("Done: 1 person invited.");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/invitations-bulk-dark.png" });
});
