// A part of a page that streams in after the page answered 200 (here the reviews list) and
// then fails shows its own error state, with the reference logged on the server, while the
// rest of the page keeps working; "Try again" loads it once the cause is gone. The failure is
// a real one: the Review table held under an exclusive lock, as a long migration would, so the
// list's query gives up after the lock budget (lib/db/budgets.ts). Isolated (playwright.config.ts
// runs it after every other browser test) because the lock would stall their pages too.
import { readFileSync } from "node:fs";
import { test, type Page } from "@playwright/test";
import { SERVER_LOG } from "../../playwright.config";
import { E2E_DATABASE_URL } from "./db";
import { DEMO, expect, signIn } from "./fixtures";
import pg from "pg";

/** Holds an exclusive lock on a table until released; nothing can read it meanwhile. */
async function lockTable(table: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
  };
}

const logLines = () =>
  readFileSync(SERVER_LOG, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The reviews list is on the page: links to the reviews themselves. */
const reviewsShown = (page: Page) =>
  expect(page.locator('main a[href^="/reviews/"]').first()).toBeVisible();

test("a streamed part that fails shows its error state, is logged, and loads again on retry", async ({
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.lead);
  await page.goto("/reviews");
  await reviewsShown(page);

  const release = await lockTable("Review");
  try {
    const response = await page.goto("/reviews");
    // The page itself answered before the part failed.
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "The reviews could not be loaded." });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: test.info().outputPath("part-error.png"), fullPage: true });
    // The rest of the page stays: its heading, the request form, the navigation.
    await expect(page.getByRole("heading", { name: "Security reviews" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Request review" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Dashboard", exact: true }).first()).toBeVisible();

    // The reference on screen is the one in the server's log line for this failure.
    const reference = await alert.locator("code").textContent();
    expect(reference).toMatch(/^\w+$/);
    await expect
      .poll(() => logLines().find((l) => l.msg === "request failed" && l.digest === reference))
      .toMatchObject({ level: 50, path: "/reviews", routeType: "render" });
  } finally {
    await release();
  }

  // The cause gone, "Try again" brings the list in place, without a full reload.
  await page.evaluate(() => ((window as { __samePage?: boolean }).__samePage = true));
  await page.getByRole("button", { name: "Try again" }).click();
  await reviewsShown(page);
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
});
