import { withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// An admin finds a job that ran out of retries on Background jobs, with its error, and retries
// it: the app's own worker (the e2e server runs the queue) takes it again at once.
test("an admin sees a failed job with its error and retries it", async ({ page }) => {
  const error = `SMTP said no (${Date.now()})`;
  const id = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data, state, output, retry_count, retry_limit, completed_on)
       VALUES ('notification-email', '{"emailId":"999999999"}', 'failed', $1, 6, 6, now())
       RETURNING id::text`,
      [JSON.stringify({ message: error })],
    );
    return rows[0].id;
  });
  await signIn(page, DEMO.admin);
  await page.goto("/admin/jobs");
  const failed = page.getByRole("table", { name: "Failed jobs, newest first" });
  const row = failed.getByRole("row").filter({ hasText: error });
  await expect(row).toContainText("Notification emails");
  await expect(row).toContainText("7"); // attempts
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole("button", { name: "Retry", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Queued again");
  // Its outbox row is gone, so the worker settles it as done: it leaves the failed list.
  await expect
    .poll(
      () =>
        withE2eDb(
          async (c) =>
            (await c.query(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id])).rows[0]
              ?.state,
        ),
      { timeout: 20_000 },
    )
    .toBe("completed");
  await page.reload();
  await expect(page.getByText(error)).toHaveCount(0);
});
