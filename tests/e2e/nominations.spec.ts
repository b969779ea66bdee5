import { DEMO, expect, signIn, test } from "./fixtures";

test("a manager nominates a builder, the lead approves and the team shows as covered", async ({
  page,
  browser,
}) => {
  // A seeded builder of the manager's organisation (not a demo account: other tests rely on those roles).
  await signIn(page, DEMO.manager);
  await page.goto("/directory/people?q=example.com");
  const builderRow = page
    .getByRole("row")
    .filter({ hasText: "@example.com" })
    .filter({ has: page.getByRole("cell", { name: "Builder", exact: true }) })
    .first();
  const nomineeName = (await builderRow.getByRole("link").first().textContent())!.trim();
  const nomineeEmail = (await builderRow.getByRole("cell").nth(1).textContent())!.trim();
  // Find a team of the organisation without a guardian.
  await page.goto("/directory?coverage=uncovered");
  // The first team of the body (the header has sort links).
  const firstTeam = page.getByRole("table").locator("tbody").getByRole("link").first();
  const teamName = (await firstTeam.textContent())!.trim();
  await firstTeam.click();
  await page.waitForURL(/\/directory\/teams\/\d+$/);
  const teamUrl = page.url();
  await expect(page.getByText("No guardian", { exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: `Nominate a guardian for ${teamName}` });
  await form.getByRole("combobox", { name: "Person you nominate" }).fill(nomineeEmail);
  await form.getByRole("option").filter({ hasText: nomineeEmail }).click();
  await expect(form.getByRole("list", { name: "Chosen people" })).toContainText(nomineeName);
  await form.getByLabel("Why this person?").fill("Already reviews every auth change in the team.");
  await form.getByRole("button", { name: "Nominate" }).click();
  await expect(page.getByRole("status")).toHaveText("Nomination sent to the program lead.");

  const lead = await browser.newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto("/nominations");
  await lead
    .getByRole("button", { name: `Approve ${nomineeName}` })
    .first()
    .click();
  await expect(lead.getByRole("button", { name: `Approve ${nomineeName}` })).toHaveCount(0);
  await lead.goto(teamUrl);
  await expect(lead.getByText("Covered", { exact: true })).toBeVisible();
  await expect(lead.getByRole("row").filter({ hasText: nomineeName })).toContainText("Active");
  await lead.close();
});
