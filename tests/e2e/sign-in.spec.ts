import { DEMO, expect, signIn, test } from "./fixtures";

const HOMES = [
  { email: DEMO.admin, heading: "Administration" },
  { email: DEMO.lead, heading: "Program lead home" },
  { email: DEMO.engineer, heading: "Security engineer home" },
  { email: DEMO.guardian, heading: "Guardian home" },
  { email: DEMO.manager, heading: "Your organisation's guardians" },
  { email: DEMO.builder, heading: "Your security work" },
];

for (const { email, heading } of HOMES) {
  test(`${email} lands on their home`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(/Current period: Q[1-4] \d{4}/);
  });
}

test("a wrong password shows a clear error and stays on sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.leader2);
  await page.getByLabel("Password").fill("still-wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password" })).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an empty form is explained beside each field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO.builder);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});
