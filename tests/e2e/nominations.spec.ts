import { DEMO, expect, signIn, test } from "./fixtures";

test("a manager nominates a builder, the lead approves and the team shows as covered", async ({ page, browser }) => {
  // Find a team of the first organisation without a guardian.
  await signIn(page, DEMO.manager);
  await page.goto("/directory?coverage=uncovered");
  const firstTeam = page.getByRole("table").getByRole("link").first();
  const teamName = (await firstTeam.textContent())!.trim();
  await firstTeam.click();
  await page.waitForURL(/\/directory\/teams\/\d+$/);
  const teamUrl = page.url();
  await expect(page.getByText("No guardian", { exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: `Nominate a guardian for ${teamName}` });
  await form.getByLabel("Email of the person you nominate").fill(DEMO.builder);
  await form.getByLabel("Why this person?").fill("Bea already reviews every auth change in the team.");
  await form.getByRole("button", { name: "Nominate" }).click();
  await expect(form.getByRole("status")).toHaveText("Nomination sent to the program lead.");

  const lead = await browser.newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto("/nominations");
  await lead.getByRole("button", { name: "Approve Bea Builder" }).first().click();
  await expect(lead.getByRole("button", { name: "Approve Bea Builder" })).toHaveCount(0);
  await lead.goto(teamUrl);
  await expect(lead.getByText("Covered", { exact: true })).toBeVisible();
  await expect(lead.getByRole("row").filter({ hasText: "Bea Builder" })).toContainText("Active");
  await lead.close();
});
