import { DEMO, expect, signIn, test } from "./fixtures";
import { withE2eDb } from "./db";

test("a lead creates and opens a survey, a guardian answers it once, the lead reads the results and closes it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Tooling pulse ${Date.now()}`;
  await signIn(page, DEMO.lead);
  await page.goto("/surveys");
  await page.getByRole("link", { name: "New survey" }).click();
  const editor = page.getByRole("form", { name: "Survey" });
  await editor.getByLabel("Title").fill(title);
  const q1 = editor.getByRole("group", { name: "Question 1", exact: true });
  await q1.getByLabel("Question", { exact: true }).fill("How useful are the security tools?");
  await editor.getByRole("button", { name: "Add a question" }).click();
  const q2 = editor.getByRole("group", { name: "Question 2", exact: true });
  await q2.getByLabel("Kind").selectOption({ label: "Single choice" });
  await q2.getByLabel("Question", { exact: true }).fill("Which tool do you use most?");
  // A choice question with one option is refused beside the question; nothing is saved.
  await q2.getByLabel("Options, one a line").fill("Scanner");
  await editor.getByRole("button", { name: "Create draft" }).click();
  await expect(q2.getByText("Give at least 2 options")).toBeVisible();
  await q2.getByLabel("Options, one a line").fill("Scanner\nLinter");
  await editor.getByRole("button", { name: "Add a question" }).click();
  const q3 = editor.getByRole("group", { name: "Question 3", exact: true });
  await q3.getByLabel("Kind").selectOption({ label: "Written answer" });
  await q3.getByLabel("Question", { exact: true }).fill("What is missing?");
  await editor.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/surveys\/\d+\/edit$/);
  const id = /\/surveys\/(\d+)\/edit$/.exec(page.url())![1];

  // Opening asks first.
  await page.getByRole("button", { name: "Open survey" }).click();
  const dialog = page.getByRole("dialog", { name: `Open “${title}”?` });
  await dialog.getByRole("button", { name: "Open survey" }).click();
  await page.waitForURL(`**/surveys/${id}/results`);
  await expect(page.getByText("No answers yet")).toBeVisible();

  // The guardian finds it among their surveys and answers it.
  const guardian = await browser.newPage();
  await signIn(guardian, DEMO.guardian);
  await guardian.goto("/surveys");
  await guardian.getByRole("link", { name: title }).click();
  const answers = guardian.getByRole("form", { name: "Your answers" });
  await answers.getByRole("button", { name: "Send answers" }).click();
  await expect(
    answers
      .getByRole("group", { name: "1. How useful are the security tools?" })
      .getByText("Choose a rating from 1 to 5"),
  ).toBeVisible();
  await answers
    .getByRole("group", { name: "1. How useful are the security tools?" })
    .getByLabel("4", { exact: true })
    .check();
  await answers
    .getByRole("group", { name: "2. Which tool do you use most?" })
    .getByLabel("Linter")
    .check();
  await answers.getByLabel("3. What is missing?").fill("A secrets scanner in CI");
  await answers.getByRole("button", { name: "Send answers" }).click();
  // The page is drawn again as answered (the form is gone), and stays so.
  await expect(guardian.getByText(/^You answered on/)).toBeVisible();
  await guardian.reload();
  await expect(guardian.getByText(/^You answered on/)).toBeVisible();
  await guardian.goto("/surveys");
  await expect(guardian.getByRole("row", { name: new RegExp(title) })).toContainText("Answered");
  // The results are the lead's.
  const refused = await guardian.goto(`/surveys/${id}/results`);
  expect(refused?.status()).toBe(403);
  await guardian.close();

  await page.reload();
  await expect(page.getByText("1 respondent")).toBeVisible();
  await expect(page.getByText("Mean 4.00 / 5 from 1 rating")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Linter" })).toContainText("1");
  await expect(page.getByText("A secrets scanner in CI")).toBeVisible();

  await page.getByRole("button", { name: "Close survey" }).click();
  await page
    .getByRole("dialog", { name: `Close “${title}”?` })
    .getByRole("button", { name: "Close survey" })
    .click();
  // Closed, the page offers no more Close button and says so.
  await expect(page.getByRole("button", { name: "Close survey" })).toHaveCount(0);
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await page.goto("/surveys");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Closed");
});

test("a lead deletes a draft after confirming; the list no longer has it", async ({ page }) => {
  const title = `Abandoned pulse ${Date.now()}`;
  await signIn(page, DEMO.lead);
  await page.goto("/surveys/new");
  const editor = page.getByRole("form", { name: "Survey" });
  await editor.getByLabel("Title").fill(title);
  await editor
    .getByRole("group", { name: "Question 1", exact: true })
    .getByLabel("Question", { exact: true })
    .fill("Is this worth asking?");
  await editor.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/surveys\/\d+\/edit$/);
  const edit = new URL(page.url()).pathname;
  // Cancelling keeps it.
  await page.getByRole("button", { name: "Delete draft" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete the draft “${title}”?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete draft" }).click();
  await dialog.getByRole("button", { name: "Delete draft" }).click();
  await page.waitForURL("**/surveys");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.goto(edit))?.status()).toBe(404);
});

test("a lead records a guardian's mentoring on their profile", async ({ page }) => {
  test.setTimeout(120_000);
  // The demo guardian mentors a nominee or guardian of the demo data whom they do not mentor yet.
  const { mentorId, menteeEmail } = await withE2eDb(async (c) => {
    const mentor = await c.query<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [
      DEMO.guardian,
    ]);
    const mentee = await c.query<{ email: string }>(
      `SELECT u.email FROM "User" u JOIN "GuardianMembership" m ON m."userId" = u.id
      WHERE m.status IN ('ACTIVE', 'NOMINATED') AND u.id <> $1 AND u.email NOT LIKE '%@guardians.test'
        AND NOT EXISTS (SELECT 1 FROM "Mentorship" x WHERE x."mentorId" = $1 AND x."menteeId" = u.id)
      ORDER BY u.id LIMIT 1`,
      [mentor.rows[0].id],
    );
    return { mentorId: mentor.rows[0].id, menteeEmail: mentee.rows[0].email };
  });
  await signIn(page, DEMO.lead);
  await page.goto(`/people/${mentorId}`);
  const form = page.getByRole("form", { name: /^Record mentoring by / });
  // The mentee is chosen with the record picker, by name or email (components/search).
  const pick = async (email: string) => {
    await form.getByRole("combobox", { name: "Person mentored" }).fill(email);
    await form.getByRole("option").filter({ hasText: email }).click();
    await expect(form.getByRole("list", { name: "Chosen people" })).toContainText(email);
  };
  await pick(DEMO.guardian);
  await form.getByRole("button", { name: "Record mentoring" }).click();
  await expect(form.getByText("No one mentors themselves")).toBeVisible();
  await form.getByRole("button", { name: /^Remove / }).click();
  await pick(menteeEmail);
  await form.getByRole("button", { name: "Record mentoring" }).click();
  // Confirmations are announced at the foot of the screen (components/ui/toaster.tsx).
  await expect(page.getByRole("status").filter({ hasText: "Mentoring recorded." })).toBeVisible();
  const card = page.locator("#mentoring");
  const name = await withE2eDb(
    async (c) =>
      (await c.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [menteeEmail]))
        .rows[0].name,
  );
  await expect(card.getByRole("link", { name })).toBeVisible();
  // Recording it twice is refused beside the field (the saved form emptied the picker).
  await pick(menteeEmail);
  await form.getByRole("button", { name: "Record mentoring" }).click();
  await expect(form.getByText(/is already recorded/)).toBeVisible();
});
