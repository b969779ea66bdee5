import { DEMO, downloadCsvLines, expect, signIn, test } from "./fixtures";

test("the overview renders its cards and charts from the demo data", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Program dashboard" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Headline figures" }).getByRole("link"),
  ).toHaveCount(8);
  await expect(page.locator(".recharts-line")).not.toHaveCount(0);
  await expect(page.getByText("Active guardians", { exact: true }).first()).toBeVisible();
});

test("changing a filter changes the URL and the figures", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/dashboard/people");
  const active = page.getByRole("row", { name: /^Active guardians/ });
  const whole = await active.textContent();
  await page.getByLabel("Organisation").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]org=\d+/);
  await expect(page.getByText(/Scope: org: /)).toBeVisible();
  await expect(active).not.toHaveText(whole!);
});

test("the CSV download of a view matches its table", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/dashboard/reviews?from=2026-Q1&to=2026-Q3");
  const csv = await downloadCsvLines(page);
  expect(csv[0]).toBe('"metric","filter","quarter","value","unit"');
  const row = page.getByRole("row", { name: /^Mean cycle time, with guardian/ });
  const cells = await row.getByRole("cell").allTextContents();
  const fromCsv = csv
    .filter((l) => l.startsWith('"Mean cycle time, with guardian"'))
    .map((l) => l.split(",").at(-2)!);
  expect(fromCsv).toHaveLength(3);
  // The CSV carries four decimals, the table one.
  for (const value of fromCsv) expect(value).toMatch(/^(\d+\.\d{4})?$/);
  expect(cells.map((c) => (c === "not enough data" ? "" : c.replace(" days", "")))).toEqual(
    fromCsv.map((v) => (v === "" ? "" : Number(v).toFixed(1))),
  );
});

test("a manager sees their organisation only and another org's view answers 404", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/dashboard");
  await expect(page.getByText("Scope: your organisations.")).toBeVisible();
  const options = await page.getByLabel("Organisation").locator("option").allTextContents();
  expect(options.join(" ")).not.toContain("Retail");
  await page.goto("/dashboard?org=5");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("Headline figures")).toHaveCount(0);
});
