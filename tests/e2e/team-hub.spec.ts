import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// A team's page as its hub, stepping down from it with a confirmation, the audit log reading the
// change as a sentence, and an organisation's page with its sub-organisations' teams.

test("a team's hub shows its sections; a guardian steps down after a confirmation; the audit log says so", async ({
  page,
  browser,
}) => {
  // A long journey through three accounts: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  // A seeded builder and an uncovered team of the manager's organisation (the last of each: the
  // nominations journey takes the first ones).
  await signIn(page, DEMO.manager);
  await page.goto("/directory/people?q=example.com&role=BUILDER");
  const builderRow = page.getByRole("row").filter({ hasText: "@example.com" }).last();
  const nominee = (await builderRow.getByRole("link").first().textContent())!.trim();
  const email = (await builderRow.getByRole("cell").nth(1).textContent())!.trim();
  await page.goto("/directory?coverage=uncovered");
  const teamLink = page.getByRole("table").locator("tbody").getByRole("link").last();
  const team = (await teamLink.textContent())!.trim();
  await teamLink.click();
  await page.waitForURL(/\/directory\/teams\/\d+$/);
  const teamUrl = page.url();

  // Every section, each with its count; the work lists link to their filtered lists.
  for (const name of [
    "Members",
    "Risk budget",
    "Open findings",
    "Reviews",
    "Threat models",
    "Releases",
  ])
    await expect(page.getByRole("region", { name })).toBeVisible();
  await expect(
    page.getByRole("region", { name: /^Guardians’ hours, Q[1-4] \d{4} \(to date\)$/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Risk budget" })).toContainText(/of \d+ points/);
  expect(await seriousViolations(page)).toEqual([]);
  const reviews = page.getByRole("region", { name: "Reviews" });
  const allReviews = reviews.getByRole("link", { name: `All reviews of ${team}` });
  if (await allReviews.count())
    await expect(allReviews).toHaveAttribute("href", /\/reviews\?team=/);

  const form = page.getByRole("form", { name: `Nominate a guardian for ${team}` });
  // The nominee is chosen by name or email in the record picker.
  await form.getByRole("combobox", { name: "Person you nominate" }).fill(email);
  await form.getByRole("option").filter({ hasText: email }).click();
  await form.getByLabel("Why this person?").fill("Runs the team's dependency updates.");
  await form.getByRole("button", { name: "Nominate" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Nomination sent to the program lead." }),
  ).toBeVisible();

  const lead = await browser.newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto("/nominations");
  // The decision buttons act once the page is interactive (hydrated).
  await lead.waitForLoadState("networkidle");
  await lead
    .getByRole("button", { name: `Approve ${nominee}` })
    .first()
    .click();
  await expect(lead.getByRole("button", { name: `Approve ${nominee}` })).toHaveCount(0, {
    timeout: 30_000,
  });

  await lead.goto(teamUrl);
  await lead.waitForLoadState("networkidle");
  const row = lead.getByRole("row").filter({ hasText: nominee });
  await expect(row).toContainText("Active");
  const stepDown = row.getByRole("button", { name: `Record stepping down: ${nominee}` });
  // Cancel changes nothing.
  await stepDown.click();
  const dialog = lead.getByRole("dialog", { name: "Record stepping down?" });
  await expect(dialog).toContainText(`${nominee} becomes alumni of this team`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Active");
  // Confirmed, the guardian becomes alumni, with the note in the history.
  await row.getByLabel(/Note/).fill("Moved to the platform team");
  await stepDown.click();
  await dialog.getByRole("button", { name: "Record stepping down" }).click();
  await expect(row).toContainText("Alumni", { timeout: 30_000 });
  await lead.reload();
  const after = lead.getByRole("row").filter({ hasText: nominee });
  await expect(after).toContainText("Alumni");
  await expect(after).toContainText("Moved to the platform team");
  await lead.close();

  // The audit log reads both changes as sentences with names; the raw record is one click away.
  const admin = await browser.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/audit?action=step-down");
  const entry = admin.getByRole("row").filter({ hasText: `stepping down as guardian of ${team}` });
  await expect(entry.first()).toContainText(
    new RegExp(`recorded ${nominee} stepping down as guardian of ${team}`),
  );
  await expect(entry.first()).toContainText(/Status\s*Active\s*→?\s*(changed to)?\s*Alumni/);
  await expect(entry.first().getByLabel("After (raw)")).toBeHidden();
  await entry.first().getByText("Raw record").click();
  await expect(entry.first().getByLabel("After (raw)")).toContainText('"status": "ALUMNI"');
  await admin.goto("/admin/audit?action=approve&entity=GuardianMembership");
  await expect(
    admin.getByRole("row").filter({ hasText: `approved ${nominee} as guardian of ${team}` }),
  ).toHaveCount(1);
  await admin.close();
});

test("an organisation's page shows its sub-organisations and counts their teams", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/directory/orgs");
  // A parent whose teams sit in sub-organisations reads both counts, not "0 teams".
  const parent = page
    .getByRole("listitem")
    .filter({ hasText: /with sub-organisations/ })
    .first();
  await expect(parent).toBeVisible();
  await parent.getByRole("link").first().click();
  await page.waitForURL(/\/directory\/orgs\/\d+$/);
  const subOrgs = page.getByRole("region", { name: "Sub-organisations" });
  await expect(subOrgs.getByRole("link").first()).toBeVisible();
  const teams = page.getByRole("region", { name: "Teams" });
  await teams.getByRole("link", { name: "With sub-organisations" }).click();
  await page.waitForURL(/sub=yes/);
  await expect(teams.getByRole("link", { name: "With sub-organisations" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(teams.locator("tbody tr").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
