import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Pages a printed PDF has (Chromium writes one "/Type /Page" object per page).
const pageCount = (pdf: Buffer) =>
  pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

test("a guardian produces their impact statement for a quarter, follows a figure to its records and prints it", async ({
  page,
}) => {
  await signIn(page, DEMO.guardian);
  await page.getByRole("link", { name: "your impact statement" }).click();
  await expect(page).toHaveURL(/\/people\/\d+\/impact$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/to date \(/)).toBeVisible(); // the current quarter by default

  // The quarter before, whole.
  const form = page.getByRole("form", { name: "Statement for a quarter" });
  const previous = await form.getByLabel("Quarter").locator("option").nth(1).getAttribute("value");
  await form.getByLabel("Quarter").selectOption(previous!);
  await form.getByRole("button", { name: "Show quarter" }).click();
  await expect(page).toHaveURL(new RegExp(`quarter=${previous}$`));
  const figures = page.getByRole("region", { name: "Headline figures" }).getByRole("link");
  await expect(figures).toHaveCount(6);
  expect(await seriousViolations(page)).toEqual([]);

  // Every figure leads to the records it counts.
  await figures.filter({ hasText: "Reviews contributed to" }).click();
  await expect(page).toHaveURL(/#reviews$/);
  const reviews = page.getByRole("region", { name: "Reviews contributed to" });
  await expect(reviews).toBeVisible();
  const firstReview = reviews.getByRole("link").first();
  if (await firstReview.count()) {
    const href = await firstReview.getAttribute("href");
    expect(href).toMatch(/^\/reviews\/\d+$/);
  }

  // A period of days; a reversed one is refused with a message and no statement.
  const days = page.getByRole("form", { name: "Statement for chosen days" });
  await days.getByLabel("First day").fill("2026-03-31");
  await days.getByLabel("Last day").fill("2026-01-01");
  await days.getByRole("button", { name: "Show days" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The first day must be on or before the last day.",
  );
  await expect(page.getByRole("article")).toHaveCount(0);
  await days.getByLabel("First day").fill("2026-01-01");
  await days.getByLabel("Last day").fill("2026-06-30");
  await days.getByRole("button", { name: "Show days" }).click();
  await expect(page.getByText("1 Jan 2026 – 30 Jun 2026").first()).toBeVisible();

  // Printed: the app's navigation and the period forms are left out, and it fits on A4 and Letter.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("form", { name: "Statement for a quarter" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("article")).toBeVisible();
  for (const format of ["A4", "Letter"] as const) {
    const pages = pageCount(await page.pdf({ format }));
    expect(pages, `${format} pages`).toBeGreaterThanOrEqual(1);
    expect(pages, `${format} pages`).toBeLessThanOrEqual(2);
  }
});

test("a guardian shares their rating comments; their manager opens the statement from the home page; another org's leader cannot", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Your impact statement" });
  await card.getByRole("button", { name: "Share the comments" }).click();
  await expect(
    page.getByText("The comments on your ratings now appear in your impact statement."),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: "Stop sharing the comments" })).toBeVisible();
  const own = await card
    .getByRole("link", { name: "open your impact statement" })
    .getAttribute("href");
  await card.getByRole("button", { name: "Stop sharing the comments" }).click();
  await expect(card.getByRole("button", { name: "Share the comments" })).toBeVisible();

  const manager = await browser.newPage();
  await signIn(manager, DEMO.manager);
  const links = manager.getByRole("link", { name: /^Impact statement of / });
  await expect(links.first()).toBeVisible();
  await links.first().click();
  await expect(manager).toHaveURL(/\/people\/\d+\/impact$/);
  await expect(manager.getByRole("article")).toBeVisible();
  await manager.close();

  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  const res = await other.goto(own!);
  expect(res?.status()).toBe(404);
  await other.close();
});
