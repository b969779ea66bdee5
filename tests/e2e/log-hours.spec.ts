import { DEMO, expect, signIn, test } from "./fixtures";

test("a guardian logs 1.5 h of review work in three interactions and the month total grows", async ({
  page,
}) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/log");
  const total = page.getByTestId("month-total");
  const before = Number((await total.textContent())!.replace(" h", ""));
  // The hours field has focus on arrival: type, choose the activity, submit.
  await page.keyboard.type("1.5");
  await page.getByLabel("Activity").selectOption("REVIEW");
  await page.getByRole("button", { name: "Log hours" }).click();
  await expect(page.getByRole("status")).toHaveText("Logged 1.5 h.");
  await expect(total).toHaveText(`${before + 1.5} h`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Review work");
});

test("bad hours are explained beside the field and nothing is logged", async ({ page }) => {
  await signIn(page, DEMO.builder);
  await page.goto("/log");
  const total = await page.getByTestId("month-total").textContent();
  await page.getByLabel("Hours", { exact: true }).fill("1.3");
  await page.getByLabel("Activity").selectOption("OTHER");
  await page.getByRole("button", { name: "Log hours" }).click();
  await expect(page.getByText("Use quarter-hour steps: 0.25, 0.5, 0.75…")).toBeVisible();
  await expect(page.getByTestId("month-total")).toHaveText(total!);
});

test("a guardian edits an entry and deletes another after confirming", async ({ page }) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/log");
  await page.getByLabel("Hours", { exact: true }).fill("0.25");
  await page.getByLabel("Activity").selectOption("OTHER");
  const note = `to be edited ${Date.now()}`;
  await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: "Log hours" }).click();
  await expect(page.getByRole("status")).toHaveText("Logged 0.25 h.");
  const row = page.getByRole("row").filter({ hasText: note });
  await row.getByRole("link", { name: /^Edit/ }).click();
  await page.waitForURL(/\/log\/\d+\/edit/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Hours", { exact: true }).fill("0.75");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry updated" })).toBeVisible();
  const edited = page.getByRole("row").filter({ hasText: note });
  await expect(edited).toContainText("0.75 h");
  await expect(edited).toContainText("(edited)");
  await edited.getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete entry" }).click();
  await expect(page.getByRole("row").filter({ hasText: note })).toHaveCount(0);
});
