// Agreeing time: the manager of a guardian's organisation records a monthly allocation on the
// guardian's profile (a refused value first), then changes it to a share of working time; both
// stay in the history. The guardian sees it on their home and profile without the form; another
// organisation's manager cannot open the profile; the time dashboard breaks the share down by
// organisation, with its CSV.
import { createPerson, withE2eDb } from "./db";
import { DEMO, downloadCsvLines, expect, seriousViolations, signIn, test } from "./fixtures";

const PASSWORD = "agreed-time-journey-1";
const month = new Date().toISOString().slice(0, 7);

test("a manager agrees time with a guardian, who sees it on their home and profile", async ({
  browser,
  page,
}) => {
  const me = await createPerson({ name: "Aggie Reed", roles: ["GUARDIAN"], password: PASSWORD });
  // An active guardian of a team of the manager's organisation (the demo's first team).
  await withE2eDb((c) =>
    c.query(
      `INSERT INTO "GuardianMembership" ("userId", "teamId", status, "nominatedOn", "activeOn")
       VALUES ($1, (SELECT id FROM "Team" ORDER BY id LIMIT 1), 'ACTIVE', '2025-01-01', '2025-01-01')`,
      [me.id],
    ),
  );

  await signIn(page, DEMO.manager);
  await page.goto(`/people/${me.id}`);
  const card = page.locator("#agreed-time");
  await expect(card).toContainText("No time agreed yet.");
  const form = page.getByRole("form", { name: "Agree time with Aggie Reed" });
  await expect(form.getByLabel("From the month")).toHaveValue(month);

  // More than a month's working hours: refused beside the field, nothing recorded.
  await form.getByLabel("Hours a month").fill("200");
  await form.getByRole("button", { name: "Record agreed time" }).click();
  await expect(form.getByText("A month has at most 160 working hours")).toBeVisible();
  await expect(form.getByLabel("Hours a month")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Hours a month").fill("6");
  await form.getByLabel("Note (optional)").fill("Agreed at the quarterly check-in");
  await form.getByRole("button", { name: "Record agreed time" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Agreed time recorded for Aggie Reed from ${month}.` }),
  ).toBeVisible();
  await expect(card).toContainText("0 h logged of 6 h agreed");

  // A change from the same month, as a share of working time: 5 % of 160 h is 8 h.
  await form.getByLabel("Agreed as").selectOption("share");
  await form.getByLabel("Share of working time (%)").fill("5");
  await form.getByRole("button", { name: "Record agreed time" }).click();
  await expect(card).toContainText("0 h logged of 8 h agreed");
  const history = card.getByRole("table", { name: "Time agreed with Aggie Reed, latest first" });
  const rows = history.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("5 % of working time (8 h a month)(applies now)");
  await expect(rows.last()).toContainText("6 h a month(replaced by a later entry");
  await expect(rows.last()).toContainText("Agreed at the quarterly check-in");
  await expect(rows.first()).toContainText("by Mark Manager");
  expect(await seriousViolations(page)).toEqual([]);
  await card.screenshot({ path: ".data/shots/agreed-time-profile-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/shots/agreed-time-profile-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The manager's home and the time dashboard show the organisation's figures.
  await page.goto("/");
  await expect(page.getByText(/within their agreement: \d+ of the \d+ guardians/)).toBeVisible();
  await page.screenshot({ path: ".data/shots/agreed-time-manager-home.png", fullPage: true });
  await page.goto("/dashboard/time");
  const byOrg = page.locator("#agreed-time");
  await expect(
    byOrg.getByRole("table", {
      name: "Guardians within their agreed time, by organisation and quarter",
    }),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    byOrg.getByRole("link", { name: "Download CSV by organisation" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^agreed-time-\d{4}-Q\d-\d{4}-Q\d\.csv$/);
  await page.screenshot({ path: ".data/shots/agreed-time-dashboard.png", fullPage: true });
  const csv = await downloadCsvLines(page);
  expect(csv.some((l) => l.startsWith('"Guardians within their agreed time"'))).toBe(true);

  // Another organisation's manager does not find the guardian.
  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  const response = await other.goto(`/people/${me.id}`);
  expect(response?.status()).toBe(404);
  await other.close();

  // The guardian sees the agreement on their home and its history on their profile, no form.
  await page.context().clearCookies();
  await signIn(page, me.email, PASSWORD);
  await expect(page.getByText("0 h logged of 8 h agreed")).toBeVisible();
  await expect(page.getByText("Agreed: 5 % of working time (8 h a month)")).toBeVisible();
  await page.screenshot({ path: ".data/shots/agreed-time-guardian-home.png", fullPage: true });
  await page.getByRole("link", { name: "History of your agreements" }).click();
  await expect(page.locator("#agreed-time tbody tr")).toHaveCount(2);
  await expect(page.getByRole("form", { name: /Agree time with/ })).toHaveCount(0);
});
