// Coverage alerts from the scheduled job to the lead's home: the test queues the daily job on the
// real queue (the app server's workers run it), the lead sees the alert on their home and on
// /alerts, and once the team has a guardian again the next run closes it.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { PgBoss } from "../../lib/jobs/pg-boss";
import { QUEUE_SCHEMA } from "../../lib/jobs/queues";
import { E2E_DATABASE_URL, withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

const SHOTS = ".data/shots";

const isoDay = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Queues the "coverage-alerts" job for now, as the schedule would, and waits until it ran. */
async function runCoverageAlerts() {
  const boss = new PgBoss({
    connectionString: E2E_DATABASE_URL,
    schema: QUEUE_SCHEMA,
    migrate: false,
  });
  const id = await withE2eDb(async (c) => {
    const db = { executeSql: (text: string, values: unknown[]) => c.query(text, values) };
    await boss.insert([{ name: "coverage-alerts", data: { at: new Date().toISOString() } }], {
      db,
    });
    const { rows } = await c.query<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = 'coverage-alerts' ORDER BY created_on DESC LIMIT 1`,
    );
    return rows[0]!.id;
  });
  await expect
    .poll(
      () =>
        withE2eDb(async (c) => {
          const { rows } = await c.query<{ state: string }>(
            `SELECT state::text FROM pgboss.job WHERE id = $1
             UNION ALL SELECT state::text FROM pgboss.archive WHERE id = $1`,
            [id],
          );
          return rows[0]?.state;
        }),
      { timeout: 30_000 },
    )
    .toBe("completed");
}

/** A team of its own organisation whose only guardian stepped down yesterday. */
async function teamThatLostItsGuardian(name: string) {
  return withE2eDb(async (c) => {
    const tag = Date.now();
    const org = await c.query<{ id: number }>(
      `INSERT INTO "Org" (key, name) VALUES ($1, $2) RETURNING id`,
      [`e2e-alerts-${tag}`, `Alerts org ${tag}`],
    );
    const team = await c.query<{ id: number }>(
      `INSERT INTO "Team" (key, name, "orgId", "joinedOn") VALUES ($1, $2, $3, $4) RETURNING id`,
      [`e2e-alerts-${tag}`, name, org.rows[0]!.id, isoDay(400)],
    );
    const person = await c.query<{ id: number }>(
      `INSERT INTO "User" (email, name, roles, "orgId") VALUES ($1, 'Grace Departed', '{GUARDIAN}', $2) RETURNING id`,
      [`grace.${tag}@e2e.test`, org.rows[0]!.id],
    );
    await c.query(
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn", "leftOn")
       VALUES ($1, $2, 'ALUMNI', $3, $3, $4)`,
      [person.rows[0]!.id, team.rows[0]!.id, isoDay(300), isoDay(1)],
    );
    return { id: team.rows[0]!.id, orgId: org.rows[0]!.id };
  });
}

const alertsCard = (page: Page) => page.getByRole("region", { name: "Coverage alerts" });

test("a team that lost its only guardian shows on the lead's home until it has one again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `Succession ${Date.now()}`;
  const team = await teamThatLostItsGuardian(name);
  await runCoverageAlerts();

  await signIn(page, DEMO.lead);
  const card = alertsCard(page);
  const item = card.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText(`${name}: Only guardian left`);
  await expect(item).toContainText("Grace Departed, its only active guardian, left on");
  await expect(item.getByRole("link", { name })).toHaveAttribute(
    "href",
    `/directory/teams/${team.id}`,
  );
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/lead-home-alerts.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The whole list, filtered to this kind.
  await card.getByRole("link", { name: "All open alerts" }).click();
  await page.waitForURL(/\/alerts$/);
  await page.getByLabel("Alert", { exact: true }).selectOption({ label: "Only guardian left" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/alerts\?kind=ONLY_GUARDIAN_LEFT$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell").first()).toHaveText("Only guardian left"); // the team is the row header
  await page.screenshot({ path: `${SHOTS}/alerts-page.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // A new guardian from today: the next run closes the alert.
  await withE2eDb(async (c) => {
    const successor = await c.query<{ id: number }>(
      `INSERT INTO "User" (email, name, roles, "orgId") VALUES ($1, 'Sam Successor', '{GUARDIAN}', $2) RETURNING id`,
      [`sam.${team.id}@e2e.test`, team.orgId],
    );
    await c.query(
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn")
       VALUES ($1, $2, 'ACTIVE', $3, $3)`,
      [successor.rows[0]!.id, team.id, isoDay(0)],
    );
  });
  await runCoverageAlerts();
  await page.goto("/");
  await expect(alertsCard(page)).toBeVisible();
  await expect(alertsCard(page).getByText(name)).toHaveCount(0);
  const closed = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ closed: boolean }>(
      `SELECT "closedAt" IS NOT NULL AS closed FROM "CoverageAlert" WHERE "teamId" = $1`,
      [team.id],
    );
    return rows.map((r) => r.closed);
  });
  expect(closed).toEqual([true]);
});

test("people who do not run the program cannot open the alerts", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const response = await page.goto("/alerts");
  expect(response?.status()).toBe(403);
});
