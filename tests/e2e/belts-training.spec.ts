import { DEMO, expect, signIn, test } from "./fixtures";

test("a guardian records a course completion and sees their progress move", async ({ page }) => {
  await signIn(page, DEMO.guardian);
  // The demo data leaves the guardian one required course short of Green (lib/demo/growth.ts).
  const requiredCourses = page
    .getByRole("listitem")
    .filter({ hasText: "Complete every required course" });
  await expect(requiredCourses).toContainText("3 of 4");
  await page.goto("/training");
  const left = page.getByTestId("required-left");
  await expect(left).toContainText("Secrets management");
  await page.getByLabel("Course", { exact: true }).selectOption({ label: "Secrets management" });
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("status")).toContainText("Completion recorded");
  await expect(left).not.toContainText("Secrets management");
  await page.goto("/");
  await expect(page.getByText(/^Next belt: /)).toBeVisible();
  // Either Green still waits for other conditions (its course condition is now met), or the
  // completion was the last one missing and Green was awarded at once (Black is next).
  await expect(
    requiredCourses
      .filter({ hasText: "4 of 4" })
      .or(page.getByText("Next belt: Black", { exact: true })),
  ).toBeVisible();
});

test("a lead edits a rule, previews who qualifies, saves and sees new awards", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/belts");
  const yellow = page.getByRole("form", { name: "YELLOW belt rule" });
  // Make Yellow easier: remove every condition but the previous belt.
  while ((await yellow.getByRole("button", { name: /^Remove condition/ }).count()) > 1) {
    await yellow
      .getByRole("button", { name: /^Remove condition/ })
      .last()
      .click();
  }
  await yellow.getByRole("button", { name: "Preview the change" }).click();
  const message = yellow.getByRole("status");
  await expect(message).toContainText(/would earn a belt|No one new/);
  const preview = await message.textContent();
  const expected = Number(/^(\d+) would earn/.exec(preview ?? "")?.[1] ?? 0);
  await yellow.getByRole("button", { name: "Save rule" }).click();
  await expect(message).toContainText(`Rule saved. ${expected} new belt`);
  await page.reload();
  await expect(page.getByText(/Yellow belt · held by \d+/)).toBeVisible();
});
