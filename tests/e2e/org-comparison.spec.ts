import { DEMO, downloadCsvLines, expect, signIn, test } from "./fixtures";

const number = (text: string) => (text === "not enough data" ? null : Number.parseFloat(text));

test("a lead finds where coverage is weakest in one click and downloads the table", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Compare organisations" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Compare organisations" }),
  ).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).not.toHaveCount(0);

  await table.getByRole("link", { name: "Teams with a guardian" }).click();
  await expect(page).toHaveURL(/[?&]sort=coverage(&|$)/);
  await expect(page.getByRole("columnheader", { name: "Teams with a guardian" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  const rows = table.locator("tbody tr");
  const coverage = (
    await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll("td")[0]?.textContent ?? ""),
    )
  ).map(number);
  const known = coverage.filter((v): v is number => v !== null);
  expect(known).toEqual([...known].sort((a, b) => a - b)); // weakest first
  expect(coverage.slice(known.length).every((v) => v === null)).toBe(true); // no data last

  // The headers are links: the keyboard reaches and follows them too.
  await table.getByRole("link", { name: "Hours per guardian-month" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=hours(&|$)/);
  await expect(
    page.getByRole("columnheader", { name: "Hours per guardian-month" }),
  ).toHaveAttribute("aria-sort", "ascending");

  const csv = await downloadCsvLines(page);
  expect(csv[0]).toMatch(/^"organisation","organisation id","compared","quarter","coverage %"/);
  const first = await table.getByRole("rowheader").first().locator("a").first().textContent();
  expect(csv).toHaveLength(1 + (await rows.count()));
  expect(csv[1].startsWith(`"${first}",`)).toBe(true); // the page's order
  for (const line of csv.slice(1)) expect(line).toMatch(/,(\d+\.\d{4})?,(-?\d+\.\d{4})?,/);
});

test("a manager compares their own organisation's sub-orgs; another's answers 404", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/dashboard/compare");
  await expect(page.getByText(/^Only one organisation here/)).toBeVisible();
  await page.getByRole("link", { name: /^Compare the sub-orgs of / }).click();
  await expect(page.getByRole("navigation", { name: "Organisation levels" })).toBeVisible();
  const orgs = page.getByRole("table").getByRole("rowheader");
  await expect(orgs.first()).toBeVisible(); // the table streams in after the page
  const names = await orgs.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  expect(names.join(" ")).not.toContain("Retail");
  await page.goto("/dashboard/compare?org=5");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await page.request.get("/api/metrics/compare?org=5")).status()).toBe(404);
});
