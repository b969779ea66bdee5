import { createPerson, withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Recognition without ranking people (docs/decisions/0019): a guardian hides themself from the
// recognition wall, sees it take effect on the wall (and on the card another organisation's
// manager could open), finds the leaderboards unchanged (they rank teams, never people), and
// undoes it.
test("a guardian hides themself from the recognition wall, sees it take effect, and undoes it", async ({
  page,
  browser,
}) => {
  const password = "hide-me-from-the-wall-1";
  const name = `Hana Hidden ${Date.now()}`;
  const me = await createPerson({ name, roles: ["GUARDIAN"], password });
  await withE2eDb((c) =>
    c.query(
      `INSERT INTO "Recognition" ("recipientId", "giverId", kind, title, reason)
       VALUES ($1, (SELECT id FROM "User" WHERE email = $2), 'KUDOS', 'Caught the IDOR', 'Found it before the release')`,
      [me.id, DEMO.lead],
    ),
  );
  const wallItem = (p: typeof page) =>
    p.getByRole("main").getByRole("listitem").filter({ hasText: name });

  await signIn(page, me.email, password);
  await page.goto("/recognition");
  await expect(wallItem(page)).toContainText("got kudos: “Caught the IDOR”");

  // The leaderboards rank teams and organisations; no person is listed, before or after.
  await page.getByRole("link", { name: "Team and organisation leaderboards" }).click();
  await expect(page).toHaveURL(/\/recognition\/leaderboards$/);
  await expect(page.getByText("People are never ranked here.")).toBeVisible();
  const boards = page.getByRole("main").getByRole("table");
  await expect(boards.first()).toBeVisible();
  const figures = await boards.allTextContents();
  await expect(page.getByRole("main")).not.toContainText(name);

  // Another organisation's manager opens the card the wall leads to.
  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  await other.goto(`/people/${me.id}`);
  await expect(other.getByRole("heading", { level: 1, name })).toBeVisible();

  // Hide.
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Recognition" });
  await card.getByRole("button", { name: "Hide me from the recognition wall" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "You are hidden from the recognition wall" }),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: "Show me on the recognition wall" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/recognition");
  await expect(page.getByRole("heading", { name: "Recognition wall" })).toBeVisible();
  await expect(wallItem(page)).toHaveCount(0);
  await page.goto("/recognition/leaderboards");
  await expect(page.getByRole("main").getByRole("table")).toHaveText(figures); // team figures whole
  await other.goto(`/people/${me.id}`);
  await expect(other.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();

  // Undo.
  await page.goto("/account");
  await card.getByRole("button", { name: "Show me on the recognition wall" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "You appear on the recognition wall again." }),
  ).toBeVisible();
  await page.goto("/recognition");
  await expect(wallItem(page)).toHaveCount(1);
  await other.goto(`/people/${me.id}`);
  await expect(other.getByRole("heading", { level: 1, name })).toBeVisible();
  await other.close();
});

test("the leaderboards take a quarter and a ranking, and refuse another organisation's", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/recognition/leaderboards");
  await expect(page.getByText("(to date)").first()).toBeVisible();
  const form = page.getByRole("search");
  const previous = await form.getByLabel("Quarter").locator("option").nth(1).getAttribute("value");
  await form.getByLabel("Quarter").selectOption(previous!);
  await form.getByLabel("Ranked by").selectOption("belts");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(
    new RegExp(`quarter=${previous}.*by=belts|by=belts.*quarter=${previous}`),
  );
  await expect(page.getByRole("table", { name: "Teams ranked" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The organisation another manager leads answers not found.
  const foreign = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `SELECT o.id FROM "Org" o JOIN "User" u ON u.id = o."leaderId" WHERE u.email = $1 LIMIT 1`,
      [DEMO.leader2],
    );
    return rows[0]!.id;
  });
  await page.goto(`/recognition/leaderboards?org=${foreign}`);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
});

test("a guardian's home shows their own standing as a band, never a rank, and no one else's", async ({
  page,
}) => {
  await signIn(page, DEMO.guardian);
  const card = page.getByRole("region", { name: "Your standing this quarter" });
  await expect(card).toBeVisible();
  await expect(card).toContainText(
    /(More|About as many|Fewer) reviews with a guardian (than|as) most guardians this quarter|No reviews with a guardian yet this quarter/,
  );
  // Only the guardian's own count is a number; no position, no other person.
  await expect(card).not.toContainText(/#\d|\btop \d|\b\d+(st|nd|rd|th)\b|\bout of \d|\d+ ?%/i);
  await expect(card).toContainText(/You took part in \d+ reviews? as a guardian/);
});
