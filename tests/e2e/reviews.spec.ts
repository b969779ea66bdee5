import { DEMO, expect, signIn, test } from "./fixtures";

test("a security engineer completes a review with two findings and rates the guardian; another org cannot see it", async ({
  page,
  browser,
}) => {
  // The guardian requests a review for their team.
  await signIn(page, DEMO.guardian);
  await page.goto("/reviews");
  const request = page.getByRole("form", { name: "Request a review" });
  await request.getByLabel("Team").fill("Ledger Core");
  await request.getByLabel("Service or feature").fill(`Card vault ${Date.now()}`);
  await request.getByRole("button", { name: "Request review" }).click();
  await page.waitForURL(/\/reviews\/\d+$/);
  const url = page.url();

  const engineer = await browser.newPage();
  await signIn(engineer, DEMO.engineer);
  await engineer.goto(url);
  const start = engineer.getByRole("form", { name: "Start the review" });
  await expect(start.getByLabel("Security engineer")).toHaveValue(/\d+/); // an engineer is preselected
  await start.getByRole("button", { name: "Start review" }).click();
  await expect(engineer.getByText(/ · started \d+ \w+ \d{4}/)).toBeVisible();
  const participant = engineer.getByRole("form", { name: "Add a participant" });
  // Chosen by name: the suggestions show each person's team and email.
  const person = participant.getByRole("combobox", { name: "Person" });
  await person.fill("Gina Guard");
  await expect(participant.getByRole("option").first()).toBeVisible();
  await person.press("ArrowDown");
  await expect(person).toHaveAttribute("aria-activedescendant", /.+/);
  await participant.getByRole("option").filter({ hasText: DEMO.guardian }).click();
  await expect(participant.getByRole("button", { name: "Remove Gina Guardian" })).toBeFocused();
  await participant.getByLabel("Effort (hours)").fill("1.5");
  await participant.getByRole("button", { name: "Add participant" }).click();
  await expect(engineer.getByText("Gina Guardian (guardian) · 1.5 h")).toBeVisible();
  const finding = engineer.getByRole("form", { name: "Record a finding" });
  for (const [title, severity] of [
    ["IDOR on card lookup", "HIGH"],
    ["Verbose error pages", "LOW"],
  ]) {
    await finding.getByLabel("Finding").fill(title);
    await finding.getByLabel("Severity").selectOption(severity);
    await finding.getByRole("button", { name: "Add finding" }).click();
    await expect(engineer.getByText(title)).toBeVisible();
  }
  const complete = engineer.getByRole("form", { name: "Complete the review" });
  await complete.getByLabel("Outcome").selectOption("APPROVED_WITH_FINDINGS");
  await complete.getByRole("button", { name: "Complete review" }).click();
  await complete.getByRole("dialog").getByRole("button", { name: "Complete the review" }).click();
  await expect(
    engineer.getByText(/completed \d+ \w+ \d{4} \(Approved with findings\)/),
  ).toBeVisible();
  const rate = engineer.getByRole("form", { name: "Rate Gina Guardian" });
  await rate.getByLabel("Rating").selectOption("5");
  await rate.getByRole("button", { name: "Save rating" }).click();
  await expect(engineer.getByText("Gina Guardian: 5/5")).toBeVisible();
  await engineer.close();

  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});
