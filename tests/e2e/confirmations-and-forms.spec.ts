import type { Page } from "@playwright/test";
import { createPerson, withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Issue 17's small forms: a success announces itself (role="status", without taking focus), a
// finding's "Closed on" belongs to closing statuses only, a rating starts empty, and a
// newsletter prints with whose issue it is and when.

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const SHOTS = process.env.E2E_SHOTS; // a folder: also save screenshots (looked at by hand)

async function shots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const theme of ["light", "dark"])
    for (const width of [1440, 390]) {
      await page.evaluate(
        (dark) => document.documentElement.classList.toggle("dark", dark),
        theme === "dark",
      );
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `${SHOTS}/${name}-${theme}-${width}.png`,
        fullPage: width === 390,
      });
    }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A completed review of Gina Guardian's team with Gina as participant and one open finding. */
async function reviewWithOpenFinding(): Promise<{ id: number; finding: string }> {
  const key = unique();
  return withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO "Review" (key, "teamId", service, "requestedAt", "startedAt", "completedAt",
         outcome, "securityEngineerId")
       SELECT $1, m."teamId", $2, now() - interval '9 days', now() - interval '8 days',
         now() - interval '2 days', 'APPROVED_WITH_FINDINGS', (SELECT id FROM "User" WHERE email = $3)
       FROM "GuardianMembership" m JOIN "User" u ON u.id = m."userId"
       WHERE u.email = $4 AND m.status = 'ACTIVE' ORDER BY m.id LIMIT 1
       RETURNING id`,
      [`REV-E2E-${key}`, `Forms ${key}`, DEMO.engineer, DEMO.guardian],
    );
    const id = rows[0]!.id;
    await c.query(
      `INSERT INTO "ReviewParticipant" ("reviewId", "userId")
       SELECT $1, id FROM "User" WHERE email = $2`,
      [id, DEMO.guardian],
    );
    await c.query(
      `INSERT INTO "Finding" (key, "reviewId", "teamId", title, severity, status, "openedOn")
       SELECT $1, id, "teamId", 'Session fixation', 'HIGH', 'OPEN', current_date - 5
       FROM "Review" WHERE id = $2`,
      [`FND-E2E-${key}`, id],
    );
    return { id, finding: `FND-E2E-${key}` };
  });
}

test("approving a nomination confirms it in a status message, without moving focus", async ({
  page,
}) => {
  const nominee = await createPerson({ name: `Nora Nominee ${unique()}` });
  const name = await withE2eDb(async (c) => {
    // A person of the first team's organisation, nominated for that team.
    const team = (
      await c.query<{ id: number; orgId: number }>(
        `SELECT id, "orgId" FROM "Team" ORDER BY id LIMIT 1`,
      )
    ).rows[0]!;
    await c.query(`UPDATE "User" SET "orgId" = $2 WHERE id = $1`, [nominee.id, team.orgId]);
    await c.query(
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, reason, "nominatedOn")
       VALUES ($1, $2, 'NOMINATED', 'Knows the auth code best.', current_date)`,
      [nominee.id, team.id],
    );
    return (await c.query<{ name: string }>(`SELECT name FROM "User" WHERE id = $1`, [nominee.id]))
      .rows[0]!.name;
  });
  await signIn(page, DEMO.lead);
  await page.goto("/nominations");
  await expect(page.getByRole("status")).toHaveCount(0); // nothing to say yet
  const approve = page.getByRole("button", { name: `Approve ${name}` });
  await approve.click();
  const status = page.getByRole("status");
  await expect(status).toHaveText(new RegExp(`^Approved: ${name} is now a guardian of \\S`));
  await expect(approve).toHaveCount(0); // the row is gone, the confirmation stays
  await expect(status.locator("xpath=..")).toHaveAttribute("aria-live", "polite");
  // It does not take focus.
  expect(await page.evaluate(() => !!document.activeElement?.closest("[aria-live]"))).toBe(false);
  // Alt+T moves focus to it, which keeps it on screen until focus leaves; Escape dismisses it.
  await page.keyboard.press("Alt+T");
  await expect(page.getByRole("button", { name: "Dismiss" })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await shots(page, "confirmation-nomination");
  await expect(status).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("a finding's Closed on shows only for a closing status; a rating starts with none chosen", async ({
  page,
}) => {
  const review = await reviewWithOpenFinding();
  await signIn(page, DEMO.engineer);
  await page.goto(`/reviews/${review.id}`);
  const form = page.getByRole("form", { name: `Status of ${review.finding}` });
  await expect(form.getByLabel("Status")).toHaveValue("OPEN");
  await expect(form.getByLabel("Closed on")).toHaveCount(0);

  await form.getByLabel("Status").selectOption("MITIGATED");
  const closedOn = form.getByLabel("Closed on");
  await expect(closedOn).toBeVisible();
  await expect(closedOn).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByLabel("Status").selectOption("OPEN");
  await expect(form.getByLabel("Closed on")).toHaveCount(0);
  await form.getByLabel("Status").selectOption("ACCEPTED");
  await shots(page, "finding-closing");
  await form.getByRole("button", { name: "Update" }).click();
  await expect(page.getByRole("status")).toHaveText("Finding updated.");
  await expect(page.getByText(new RegExp(`${review.finding}.*Accepted on \\d`))).toBeVisible();

  const rate = page.getByRole("form", { name: "Rate Gina Guardian" });
  await expect(rate.getByLabel("Rating")).toHaveValue("");
  await expect(rate.getByLabel("Rating")).toHaveAttribute("required", "");
  await rate.getByLabel("Rating").selectOption("4");
  await rate.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByRole("status")).toHaveText("Rating saved.");
  await expect(page.getByText("Gina Guardian: 4/5")).toBeVisible();
  await expect(rate.getByLabel("Rating")).toHaveValue("4");
});

test("a printed newsletter carries its organisation, quarter and publication date", async ({
  page,
}) => {
  const { id, org } = await withE2eDb(async (c) => {
    const content = {
      title: "Print test security guardians: Q1 2001",
      subtitle: "What the guardians achieved this quarter",
      intro: null,
      highlights: null,
      sections: [{ id: "guardians", heading: "Your guardians", paragraphs: ["Three guardians."] }],
    };
    const { rows } = await c.query<{ id: number; org: string }>(
      `INSERT INTO "Newsletter" ("orgId", quarter, status, content, "publishedAt")
       SELECT o.id, '2001-Q1', 'PUBLISHED', $1::jsonb, '2001-04-03T10:00:00Z'
       FROM "Org" o WHERE NOT EXISTS (
         SELECT 1 FROM "Newsletter" n WHERE n."orgId" = o.id AND n.quarter = '2001-Q1')
       ORDER BY o.id LIMIT 1
       RETURNING id, (SELECT name FROM "Org" WHERE id = "orgId") AS org`,
      [JSON.stringify(content)],
    );
    return rows[0]!;
  });
  await signIn(page, DEMO.lead);
  await page.goto(`/newsletters/${id}`);
  await page.emulateMedia({ media: "print" });
  const article = page.getByRole("article");
  await expect(article.getByText(`${org} · Q1 2001 · Published 3 Apr 2001`)).toBeVisible();
  await expect(page.getByRole("button", { name: /print/i })).toBeHidden();
  await shots(page, "newsletter-print");
});
