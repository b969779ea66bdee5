import { DEMO, expect, signIn, test } from "./fixtures";

test("a visitor without a session is sent to sign-in", async ({ page }) => {
  await page.goto("/program");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogram/);
});

test("a guardian who opens a lead-only page is refused", async ({ page }) => {
  await signIn(page, DEMO.guardian);
  const response = await page.goto("/program/edit");
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Log hours" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});

test("a lead edits the program and a guardian reads it", async ({ page, browser }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/program/edit");
  await page.getByLabel("Vision").fill("x");
  await page.getByRole("button", { name: "Save program" }).click();
  await expect(page.getByText("Write the vision in a sentence or two")).toBeVisible();
  const vision = `Every team owns its security (${Date.now()}).`;
  await page.getByLabel("Vision").fill(vision);
  await page.getByRole("button", { name: "Save program" }).click();
  await expect(page.getByRole("status")).toHaveText("Program saved.");

  const other = await browser.newPage();
  await signIn(other, DEMO.guardian);
  await other.goto("/program");
  await expect(other.getByText(vision)).toBeVisible();
  await expect(other.getByRole("link", { name: "Edit program" })).toHaveCount(0);
  await other.close();
});
