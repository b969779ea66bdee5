import { DEMO, expect, signIn, test } from "./fixtures";

test("a lead generates, edits and publishes a newsletter; its leader reads it; another org's leader cannot", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/newsletters");
  const form = page.getByRole("form", { name: "Generate one draft" });
  await form.getByLabel("Organisation").selectOption({ label: "Payments" });
  await form.getByRole("button", { name: "Generate draft" }).click();
  await page.waitForURL(/\/newsletters\/\d+$/);
  const url = page.url();
  await expect(
    page.getByRole("heading", { level: 1, name: /^Payments security guardians: Q\d \d{4}$/ }),
  ).toBeVisible();
  await page.getByLabel("Introduction").fill("A quarter of faster reviews in Payments.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await expect(
    page.getByRole("article").getByText("A quarter of faster reviews in Payments."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Publish this newsletter?" })
    .getByRole("button", { name: "Publish now" })
    .click();
  await expect(page.getByText(/Published \d/)).toBeVisible();
  await expect(page.getByRole("cell", { name: DEMO.manager })).toBeVisible();

  const leader = await browser.newPage();
  await signIn(leader, DEMO.manager);
  await expect(leader.getByRole("link", { name: /^Payments, \d{4}-Q\d$/ })).toBeVisible();
  await leader.goto(url);
  await expect(
    leader.getByRole("article").getByText("A quarter of faster reviews in Payments."),
  ).toBeVisible();
  await expect(leader.getByRole("heading", { name: "Your guardians" })).toBeVisible();
  await expect(leader.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await leader.close();

  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});
