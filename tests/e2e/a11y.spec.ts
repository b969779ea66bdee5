import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

test("the sign-in page has no serious accessibility violation", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [role, email] of Object.entries(DEMO).filter(([k]) => k !== "leader2")) {
  test(`the ${role} home has no serious accessibility violation (light and dark)`, async ({
    page,
  }) => {
    await signIn(page, email);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Switch between light and dark theme" }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
