import type { Browser, BrowserContext } from "@playwright/test";
import { createPerson } from "./db";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";
import { DEMO, expect, signIn, test } from "./fixtures";

// Sessions end on the server: a copy of the cookie stops working after sign-out, deactivation,
// a password change or an administrator's "End all sessions".
// Each journey signs in several browsers (argon2 on every sign-in): give them room.
test.describe.configure({ timeout: 150_000 });

const PASSWORD = "amber-kettle-river-7";
const NEW_PASSWORD = "violet-harbour-lamp-31";

async function signedIn(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

/** A second browser holding a copy of the first one's cookies. */
async function copyOf(browser: Browser, context: BrowserContext) {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  return copy.newPage();
}

async function expectSignedOut(page: import("@playwright/test").Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  const api = await page.request.get("/api/teams?for=dashboard&q=a");
  expect(api.status()).toBe(401);
}

test("signing out ends the session on the server: a copied cookie stops working", async ({
  browser,
}) => {
  const person = await createPerson({ name: "Sam Copy", password: PASSWORD });
  const { context, page } = await signedIn(browser, person.email);
  const thief = await copyOf(browser, context);
  await thief.goto("/account");
  await expect(thief.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await expectSignedOut(thief);
});

test("deactivation ends sessions and reactivation does not revive them", async ({
  browser,
  page,
}) => {
  const person = await createPerson({ name: "Dee Activated", password: PASSWORD });
  const them = await signedIn(browser, person.email);
  const copy = await copyOf(browser, them.context);

  await signIn(page, DEMO.admin);
  await page.goto(`/directory/people/${person.id}/edit`);
  await page.getByRole("button", { name: `Deactivate ${"Dee Activated"}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Dee Activated" })).toBeVisible();
  await expectSignedOut(them.page);

  await page.getByRole("button", { name: "Reactivate Dee Activated" }).click();
  await expect(page.getByRole("button", { name: "Deactivate Dee Activated" })).toBeVisible();
  await expectSignedOut(copy);
  // They can sign in again, with a new session.
  const again = await signedIn(browser, person.email);
  await again.page.goto("/account");
  await expect(again.page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a password change ends the other sessions and keeps this one", async ({ browser }) => {
  const person = await createPerson({ name: "Pat Change", password: PASSWORD });
  const laptop = await signedIn(browser, person.email);
  const phone = await signedIn(browser, person.email);

  await laptop.page.goto("/account");
  await expect(laptop.page.getByText("this browser")).toBeVisible();
  const form = laptop.page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("password1234");
  await form.getByLabel("New password again").fill("password1234");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText(/list of common passwords/)).toBeVisible();

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("New password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByRole("status")).toHaveText(
    "Your password is changed. 1 other session ended.",
  );

  await expectSignedOut(phone.page);
  await laptop.page.reload();
  await expect(laptop.page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // The old password no longer works; the new one does.
  const fresh = await browser.newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("Email").fill(person.email);
  await fresh.getByLabel("Password").fill(PASSWORD);
  await fresh.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(fresh.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(fresh, person.email, NEW_PASSWORD);
});

test("an admin ends every session of a person from their page", async ({ browser, page }) => {
  const person = await createPerson({ name: "Ed Ended", password: PASSWORD });
  const them = await signedIn(browser, person.email);

  await signIn(page, DEMO.admin);
  await page.goto(`/people/${person.id}`);
  const panel = page.getByRole("region", { name: "Sessions" });
  await expect(panel).toContainText("1 open session.");
  await panel.getByRole("button", { name: "End all sessions" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByRole("status")).toHaveText("1 session of Ed Ended ended.");
  await expectSignedOut(them.page);

  // A lead sees no such control.
  const lead = await signedIn(browser, DEMO.lead, DEMO_PASSWORD);
  await lead.page.goto(`/people/${person.id}`);
  await expect(lead.page.getByRole("region", { name: "Sessions" })).toHaveCount(0);
});
