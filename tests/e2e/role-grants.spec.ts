import { DEMO, expect, signIn, test } from "./fixtures";

// The lead's own row, as the demo data has it, but with the Admin role added.
const GRANT_SELF_ADMIN = "email,name,roles\r\nlead@guardians.test,Lena Lead,lead; admin\r\n";

const peopleCsv = (text: string) => ({
  name: "people.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(text, "utf8"),
});

/** The lead's row of the exported people.csv (the roles column: roles granted by hand). */
async function leadRow(request: import("@playwright/test").APIRequestContext) {
  const response = await request.get("/api/transfer/export/people.csv");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\r\n");
  return lines.find((l) => l.startsWith('"lead@guardians.test",'));
}

test("a lead who uploads a people.csv making themself admin sees the row error, and nothing changes", async ({
  page,
  baseURL,
}) => {
  await signIn(page, DEMO.lead);
  const before = await leadRow(page.request);
  expect(before).toMatch(/^"lead@guardians\.test","Lena Lead","lead",/);

  await page.goto("/import");
  await page.getByLabel("CSV files").setInputFiles([peopleCsv(GRANT_SELF_ADMIN)]);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("error-count")).toContainText("1 error");
  const row = page
    .getByRole("table", { name: "Errors" })
    .getByRole("row")
    .filter({ hasText: "people.csv" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(2)).toHaveText("roles");
  await expect(row.getByRole("cell").nth(3)).toHaveText(
    "Only an administrator can grant or remove the Admin role: this row would give lead@guardians.test the Admin role",
  );
  await expect(page.getByRole("button", { name: "Commit import" })).toBeDisabled();
  await page.screenshot({ path: "test-results/role-grants-import-error.png", fullPage: true });

  // A commit sent straight to the route (not through the disabled button) is refused the same way.
  const commit = await page.request.post("/api/transfer/import", {
    headers: { origin: baseURL! },
    multipart: { mode: "commit", files: peopleCsv(GRANT_SELF_ADMIN) },
  });
  expect(commit.status()).toBe(200);
  const view = await commit.json();
  expect(view).toMatchObject({ mode: "commit", committed: false, errorCount: 1 });
  expect(view.errors[0]).toMatchObject({ file: "people.csv", line: 2, column: "roles" });

  expect(await leadRow(page.request)).toBe(before);
});
