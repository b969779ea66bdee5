import AxeBuilder from "@axe-core/playwright";
import { createPerson } from "./db";
import { passwordSignIn } from "./http-client";
import { DEMO, expect, signIn, test } from "./fixtures";

// Failed sign-ins slow down the address that makes them (lib/auth/throttle.ts), counted by the
// connection's own address: the app trusts no proxy here. The strangers below connect from
// 127.0.0.x / 127.0.1.x addresses of their own, so the browser (127.0.0.1 or ::1) is not theirs.
test.describe.configure({ timeout: 150_000 });

const PASSWORD = "quiet-meadow-lantern-42";
const WRONG = "Email or password is incorrect.";
const THROTTLED = /^Too many failed sign-in attempts\. Try again in \d+ (second|minute)s?\.$/;

test("an address spraying one password across 60 accounts is stopped after 20 failures", async () => {
  const answers: string[] = [];
  for (let i = 0; i < 60; i++)
    answers.push(await passwordSignIn(`sprayed-${i}@e2e.test`, "Summer2026!", "127.0.0.5"));
  expect(answers.filter((a) => a === WRONG)).toHaveLength(20);
  expect(answers.slice(20).every((a) => THROTTLED.test(a))).toBe(true);
  // Another client is not held back by that address.
  expect(await passwordSignIn("sprayed-0@e2e.test", "Summer2026!", "127.0.0.9")).toBe(WRONG);
});

test("a stranger's failures do not keep the person out of their account", async ({ page }) => {
  const person = await createPerson({ name: "Owen Owner", password: PASSWORD });
  const answers: string[] = [];
  for (let i = 0; i < 8; i++)
    answers.push(await passwordSignIn(person.email, `guess-${i}`, "127.0.0.6"));
  expect(answers.slice(0, 3)).toEqual([WRONG, WRONG, WRONG]);
  expect(answers.slice(3).every((a) => THROTTLED.test(a))).toBe(true);
  await signIn(page, person.email, PASSWORD);
  await expect(page).toHaveURL("/");
});

test("after guessing from many addresses, an admin clears the person's failed sign-ins on their page", async ({
  browser,
  page,
}) => {
  const person = await createPerson({ name: "Gail Guessed", password: PASSWORD });
  for (let batch = 0; batch < 5; batch++)
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        passwordSignIn(person.email, `guess-${batch}-${i}`, `127.0.1.${batch * 10 + i + 1}`),
      ),
    );
  // From an address they never signed in from, the person is told to wait.
  const theirs = await (await browser.newContext()).newPage();
  await theirs.goto("/sign-in");
  await theirs.getByLabel("Email").fill(person.email);
  await theirs.getByLabel("Password").fill(PASSWORD);
  await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(theirs.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    /Too many failed sign-in attempts\. Try again in \d+ minutes\./,
  );

  await signIn(page, DEMO.admin);
  await page.goto(`/people/${person.id}`);
  const panel = page.getByRole("region", { name: "Failed sign-ins" });
  await expect(panel).toContainText("50 failed sign-ins in the last hour.");
  await expect(panel).toContainText("Addresses Gail Guessed has not signed in from are held back");
  const axe = await new AxeBuilder({ page })
    .include("[aria-labelledby='sign-in-blocks-heading']")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual(
    [],
  );
  await panel.getByRole("button", { name: "Clear failed sign-ins" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clear failed sign-ins" }).click();
  // The confirmation is announced at the foot of the screen; the panel shows the cleared state.
  await expect(
    page.getByRole("status").filter({
      hasText: "50 failed sign-ins of Gail Guessed cleared: they can sign in again from anywhere.",
    }),
  ).toBeVisible();
  await expect(panel).toContainText("No failed sign-in in the last hour.");

  await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
  await theirs.waitForURL((url) => url.pathname === "/");
  await page.goto("/admin/audit?action=clear-sign-in-failures");
  await expect(page.getByRole("main")).toContainText("clear-sign-in-failures");
});
