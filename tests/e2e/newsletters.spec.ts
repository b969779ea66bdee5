import { DEMO, expect, signIn, test } from "./fixtures";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";

// The demo publishes last quarter's newsletter for the demo managers' organisations
// (lib/demo/newsletters.ts); the lead's own journey works on the quarter before.
const lastQuarter = quarterKey(addQuarters(quarterOf(new Date()), -1));
const earlier = quarterKey(addQuarters(quarterOf(new Date()), -2));

test("a manager finds last quarter's newsletter on their home page at first sign-in", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  const latest = page.getByRole("link", { name: `Payments, ${lastQuarter}` });
  await expect(latest).toBeVisible();
  await latest.click();
  await page.waitForURL(/\/newsletters\/\d+$/);
  await expect(
    page.getByRole("heading", { level: 1, name: /^Payments security guardians: Q\d \d{4}$/ }),
  ).toBeVisible();
  await expect(page.getByText(/Published \d/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your guardians" })).toBeVisible();
});

test("a lead generates, edits and publishes a newsletter; its leader reads it; another org's leader cannot", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/newsletters");
  const form = page.getByRole("form", { name: "Generate one draft" });
  await form.getByLabel("Organisation").selectOption({ label: "Payments" });
  await form.getByLabel("Quarter").selectOption(earlier);
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
  await leader.goto("/newsletters");
  await expect(leader.getByRole("link", { name: `Payments, ${earlier}` })).toBeVisible();
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
