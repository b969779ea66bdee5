// Renewing a belt that expires: a guardian whose White belt expires in ten days sees what renews
// it on their home, logs the hour it asks for, checks their renewal and finds the belt renewed
// in their history (the old period stays). The rule is set in the database for the test and
// put back after it.
import { createPerson, withE2eDb } from "./db";
import { expect, seriousViolations, signIn, test } from "./fixtures";

const PASSWORD = "renewal-journey-1";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test.afterAll(async () => {
  await withE2eDb((c) => c.query(`DELETE FROM "BeltRule" WHERE belt = 'WHITE'`));
});

test("a guardian logs the hours a renewal asks for and renews their belt", async ({ page }) => {
  const me = await createPerson({ name: "Rena Newal", roles: ["GUARDIAN"], password: PASSWORD });
  await withE2eDb(async (c) => {
    await c.query(
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn")
       VALUES ($1, (SELECT id FROM "Team" ORDER BY id LIMIT 1), 'ACTIVE', '2025-01-01', '2025-01-01')`,
      [me.id],
    );
    await c.query(
      `INSERT INTO "BeltAward" ("userId", belt, "awardedOn", "expiresOn", evidence)
       VALUES ($1, 'WHITE', '2025-01-01', $2::date, '{}')`,
      [me.id, inDays(10)],
    );
    // White lasts a year; renewing it takes one hour logged today.
    await c.query(
      `INSERT INTO "BeltRule" (belt, conditions, "validityMonths", renewal) VALUES ('WHITE', '[]', 12, $1)
       ON CONFLICT (belt) DO UPDATE SET "validityMonths" = 12, renewal = EXCLUDED.renewal`,
      [JSON.stringify([{ type: "hours", min: 1, windowDays: 1 }])],
    );
  });
  await signIn(page, me.email, PASSWORD);
  const card = page.getByRole("region", { name: "White belt renewal" });
  await expect(card).toContainText("expires on");
  await expect(card).toContainText("1 renewal condition to go.");
  await expect(card.getByRole("listitem")).toContainText("0 of 1");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/shots/belt-renewal-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await seriousViolations(page)).toEqual([]);

  // Checking before the hour is logged renews nothing.
  const check = page.getByRole("form", { name: "Check my renewal" });
  await check.getByRole("button", { name: "Check my renewal now" }).click();
  await expect(check.getByRole("status")).toContainText("Nothing to renew yet");

  await page.goto("/log");
  await page.getByLabel("Hours", { exact: true }).fill("1");
  await page.getByLabel("Activity").selectOption("REVIEW");
  await page.getByRole("button", { name: "Log hours" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logged 1 h." })).toBeVisible();

  await page.goto("/");
  await expect(card).toContainText("You meet every renewal condition.");
  await check.getByRole("button", { name: "Check my renewal now" }).click();
  await expect(check.getByRole("status")).toContainText("Renewed: White.");
  await page.screenshot({ path: ".data/shots/belt-renewal-1440.png", fullPage: true });

  await page.goto(`/people/${me.id}`);
  const history = page.getByRole("listitem").filter({ hasText: /^White (earned|renewed) on/ });
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("White earned on");
  await expect(history.last()).toContainText("White renewed on");
  await expect(page.getByRole("region", { name: "White belt renewal" })).toHaveCount(0);
  await page.screenshot({ path: ".data/shots/belt-renewal-profile.png", fullPage: true });
});
