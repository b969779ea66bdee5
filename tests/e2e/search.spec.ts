import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";
import { withE2eDb } from "./db";

// The guardian's organisation with its sub-orgs: what their directory covers.
const SCOPE_SQL = `WITH RECURSIVE scope AS (
    SELECT "orgId" AS id FROM "User" WHERE email = $1
    UNION SELECT o.id FROM "Org" o JOIN scope s ON o."parentId" = s.id)`;

test("the header search finds records by name, grouped, by keyboard; Enter opens all results", async ({
  page,
}) => {
  await signIn(page, DEMO.guardian);
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: /Search people, teams/ });
  await expect(box).toBeFocused();
  await box.fill("Ledger Co");
  const suggestions = page.getByRole("listbox", { name: "Search suggestions" });
  const teams = suggestions.getByRole("group", { name: "Teams" });
  await expect(teams.getByRole("option").first()).toContainText("Ledger Core");
  expect(await seriousViolations(page)).toEqual([]);
  await box.press("ArrowDown");
  await box.press("Enter");
  await page.waitForURL(/\/directory\/teams\/\d+$/);
  await expect(page.getByRole("heading", { name: "Ledger Core" }).first()).toBeVisible();

  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await box.fill("Ledger");
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=Ledger$/);
  await expect(page.getByRole("heading", { name: /^Teams/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Reviews/ })).toBeVisible();
  await page.getByRole("button", { name: "Switch between light and dark theme" }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a guardian never finds another organisation's people; a name on the wall opens a card, not a 404", async ({
  page,
}) => {
  const stranger = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number; email: string }>(
      `${SCOPE_SQL} SELECT id, email FROM "User" WHERE "orgId" IS NOT NULL
        AND "orgId" NOT IN (SELECT id FROM scope) AND "deactivatedAt" IS NULL
        AND NOT "hideFromRecognition" ORDER BY id LIMIT 1`,
      [DEMO.guardian],
    );
    // Kudos of today put them at the top of the wall, whatever other tests have added since.
    await c.query(
      `INSERT INTO "Recognition" ("recipientId", "giverId", kind, title, reason)
       VALUES ($1, (SELECT id FROM "User" WHERE email = $2), 'KUDOS', 'Fixed the login bug', 'Fast')`,
      [rows[0].id, DEMO.lead],
    );
    return rows[0];
  });
  await signIn(page, DEMO.guardian);
  await page.goto(`/search?q=${encodeURIComponent(stranger.email)}`);
  await expect(page.getByText(/Nothing you may see matches/)).toBeVisible();

  await page.goto("/recognition");
  const hrefs = await page
    .getByRole("main")
    .locator('a[href^="/people/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const ids = hrefs.map((h) => Number(h.split("/")[2]));
  const outside = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number; name: string }>(
      `${SCOPE_SQL} SELECT id, name FROM "User" WHERE id = ANY($2::int[])
        AND ("orgId" IS NULL OR "orgId" NOT IN (SELECT id FROM scope)) LIMIT 1`,
      [DEMO.guardian, ids],
    );
    return rows[0];
  });
  expect(outside, "the wall shows someone of another organisation").toBeTruthy();
  await page.locator(`a[href="/people/${outside.id}"]`).first().click();
  await page.waitForURL(`**/people/${outside.id}`);
  await expect(page.getByRole("heading", { level: 1, name: outside.name })).toBeVisible();
  await expect(page.getByText("Their public card")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Belts" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Not found" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});
