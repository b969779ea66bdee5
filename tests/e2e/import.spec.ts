import { DEMO, expect, signIn, test } from "./fixtures";

const csv = (name: string, text: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(text, "utf8"),
});

test("a lead previews files with a bad row: the error shows on its line and nothing can be committed", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();
  const commit = page.getByRole("button", { name: "Commit import" });
  await expect(commit).toBeDisabled();
  await page
    .getByLabel("CSV files")
    .setInputFiles([
      csv("orgs.csv", "org,parent_org,leader_email\ne2e-import-org,,\n"),
      csv(
        "teams.csv",
        "team,org,profile,pilot,joined_on\ne2e-import-team,e2e-import-org,none,no,2025-01-01\n",
      ),
      csv(
        "reviews.csv",
        "review_id,team,service,requested_at\nE2E-REV-1,e2e-import-team,Cards API,2025-02-01T10:00:00Z\nE2E-REV-2,e2e-import-team,Ledger,31/01/2025\n",
      ),
    ]);
  await page.getByRole("button", { name: "Preview import" }).click();

  const counts = page.getByRole("table", { name: "Preview" });
  await expect(counts.getByRole("row", { name: /reviews\.csv/ })).toBeVisible();
  await expect(page.getByTestId("error-count")).toContainText("1 error");
  const errors = page.getByRole("table", { name: "Errors" });
  const row = errors.getByRole("row").filter({ hasText: "reviews.csv" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  await expect(row.getByRole("cell").nth(2)).toHaveText("requested_at");
  await expect(row.getByRole("cell").nth(3)).toContainText("is not a date");
  await expect(commit).toBeDisabled();
});

test("a lead exports a file and importing it back changes nothing", async ({ page }) => {
  await signIn(page, DEMO.lead);
  const download = await page.request.get("/api/transfer/export/courses.csv");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="courses.csv"');
  const body = await download.body();
  expect(body.toString("utf8")).toMatch(/^\uFEFF"course","required","hours"\r\n/);

  await page.goto("/import");
  await expect(page.getByRole("link", { name: "courses.csv" })).toHaveAttribute(
    "href",
    "/api/transfer/export/courses.csv",
  );
  await page
    .getByLabel("CSV files")
    .setInputFiles([{ name: "courses.csv", mimeType: "text/csv", buffer: body }]);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(
    page.getByText("No errors. Commit the import to write these changes in one step."),
  ).toBeVisible();
  const commit = page.getByRole("button", { name: "Commit import" });
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(
    page.getByText("Nothing to change: the database already holds these rows."),
  ).toBeVisible();
});

test("people without the import permission are refused the page and the exports", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  const response = await page.goto("/import");
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
  expect((await page.request.get("/api/transfer/export/people.csv")).status()).toBe(403);
});
