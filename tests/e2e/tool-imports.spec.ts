import { readFileSync } from "node:fs";
import { jiraSignature } from "@/lib/jira/config";
import { withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Imports from other tools: a Threat Dragon model previewed, committed, re-imported onto the
// same model and downloaded again; a bad file refused with where it is wrong.
const fixture = (name: string) => readFileSync(`tests/fixtures/tools/${name}`, "utf8");
const upload = (name: string, text: string) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(text),
});

test("a guardian previews a Threat Dragon model, commits it, re-imports it onto the same model and exports it", async ({
  page,
}) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/threat-models");
  await page.getByRole("link", { name: "Import a Threat Dragon or OTM file" }).click();
  await expect(page.getByRole("heading", { name: "Import a threat model" })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a threat model file" });
  // A title of its own, so the test can run again on the same database.
  const title = `Demo Threat Model ${Date.now()}`;
  const doc = JSON.parse(fixture("threat-dragon-v2-demo.json"));
  doc.summary.title = title;
  for (const cell of doc.detail.diagrams[0].cells)
    for (const t of cell.data.threats) t.id = `${t.id}-${title}`;
  await form.getByLabel("Team").fill("Ledger Core");
  await form
    .getByLabel("Threat model file")
    .setInputFiles(upload("demo.json", JSON.stringify(doc)));
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(form.getByRole("status")).toHaveText("Preview ready: check it, then commit.");
  await expect(
    page.getByText("This file creates a new threat model for Ledger Core."),
  ).toBeVisible();
  const threats = page.getByTestId("import-threats");
  await expect(threats.locator("tbody tr")).toHaveCount(8);
  await expect(threats.getByRole("row", { name: /Accessing DB credentials/ })).toContainText(
    "Information disclosure → Information disclosure",
  );
  await expect(page.getByTestId("import-unmapped")).toContainText("Contributors");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: ".data/shots/tm-import-preview-1440.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: ".data/shots/tm-import-preview-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await form.getByRole("button", { name: "Commit import" }).click();
  await expect(form.getByRole("status")).toHaveText("Imported: 8 threats written.");
  await page.getByRole("link", { name: "a threat model" }).click();
  await page.waitForURL(/\/threat-models\/\d+$/);
  const modelUrl = page.url();
  await expect(page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();

  // The export opens again as the same model: a re-import changes nothing.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Threat Dragon v2" }).click();
  const exported = readFileSync(await (await download).path(), "utf8");
  expect(JSON.parse(exported).summary.title).toBe(title);
  await page.goto("/threat-models/import");
  await form.getByLabel("Team").fill("Ledger Core");
  await form.getByLabel("Threat model file").setInputFiles(upload("export.json", exported));
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/This file updates TM-\d+/)).toBeVisible();
  await expect(page.getByText("8 threats: 0 new, 0 updated, 8 unchanged.")).toBeVisible();
  expect(new URL(modelUrl).pathname).toBe(
    await page.getByRole("link", { name: new RegExp(title) }).getAttribute("href"),
  );
});

test("a bad file is refused with where it is wrong, and nothing is imported", async ({ page }) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/threat-models/import");
  const form = page.getByRole("form", { name: "Import a threat model file" });
  await form.getByLabel("Team").fill("Ledger Core");
  await form
    .getByLabel("Threat model file")
    .setInputFiles(upload("broken.json", '{\n  "summary": '));
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(form.getByRole("alert")).toHaveText(/The file has problems/);
  await expect(page.getByTestId("import-problems")).toContainText(
    "broken.json is not valid JSON (line 2, column 14)",
  );
  await expect(page.getByTestId("import-threats")).toHaveCount(0);

  const doc = JSON.parse(fixture("otm-example.json"));
  doc.threats[0].categories = ["Injection"];
  await form
    .getByLabel("Threat model file")
    .setInputFiles(upload("bad.otm.json", JSON.stringify(doc)));
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("import-problems")).toContainText(
    '"Injection" is not a STRIDE category',
  );
  await expect(page.getByTestId("import-problems")).toContainText("threats[0].categories");
  await expect(form.getByRole("button", { name: "Commit import" })).toBeDisabled();
  await page.screenshot({ path: ".data/shots/tm-import-problems-1440.png", fullPage: true });
});

test("a security engineer previews a SARIF file's findings, imports them, and a second import skips them", async ({
  page,
}) => {
  await signIn(page, DEMO.engineer);
  await page.goto("/reviews");
  await page.locator("main a[href^='/reviews/']").first().click();
  await page.waitForURL(/\/reviews\/\d+$/);
  await page.getByRole("link", { name: "Import findings from DefectDojo or SARIF" }).click();
  await expect(page.getByRole("heading", { name: "Import findings" })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a findings file" });
  // Ids of their own, so the test can run again on the same database.
  const doc = JSON.parse(fixture("sarif-2.1.0-codeql.sarif.json"));
  doc.runs[0].tool.driver.name = `CodeQL ${Date.now()}`;
  await form.getByLabel("Findings file").setInputFiles(upload("scan.sarif", JSON.stringify(doc)));
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/^4 findings: 4 new, 0 already in REV-\d+/)).toBeVisible();
  const rows = page.getByTestId("import-findings");
  await expect(
    rows.getByRole("row", { name: /This query depends on a user-provided value/ }),
  ).toContainText("security-severity 8.8 → High");
  await expect(page.getByTestId("import-unmapped")).toContainText('A result of kind "pass"');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: ".data/shots/findings-import-preview-1440.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: ".data/shots/findings-import-preview-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await form.getByRole("button", { name: "Commit import" }).click();
  await expect(form.getByRole("status")).toHaveText("Imported: 4 findings added.");
  await form.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/^4 findings: 0 new, 4 already in REV-\d+/)).toBeVisible();
  await form.getByRole("button", { name: "Commit import" }).click();
  await expect(form.getByRole("status")).toHaveText("Nothing new: every finding is already here.");
});

test("a signed Jira delivery requests a review that links back to the issue; a wrong signature is refused", async ({
  page,
  request,
}) => {
  const teamKey = await withE2eDb(
    async (c) =>
      (await c.query<{ key: string }>(`SELECT key FROM "Team" WHERE name = 'Ledger Core'`)).rows[0]
        .key,
  );
  const issue = `SEC-${Date.now() % 1_000_000_000}`;
  const body = JSON.stringify({
    timestamp: Date.now(),
    webhookEvent: "jira:issue_created",
    issue: {
      key: issue,
      self: "https://acme.atlassian.net/rest/api/2/issue/10001",
      fields: { summary: `Ledger export ${issue}` },
    },
  });
  const send = (secret: string, id: string) =>
    request.post(`/api/jira/webhook?team=${teamKey}`, {
      headers: {
        "content-type": "application/json",
        "x-hub-signature": jiraSignature(secret, body),
        "x-atlassian-webhook-identifier": id,
      },
      data: body,
    });
  const refused = await send("not-the-secret", `${issue}-a`);
  expect(refused.status()).toBe(403);
  const created = await send("e2e-jira-secret", `${issue}-b`);
  expect(created.status()).toBe(201);
  const { review } = await created.json();
  const replay = await send("e2e-jira-secret", `${issue}-b`);
  expect(await replay.json()).toMatchObject({ status: "ignored", reason: "replay" });

  await signIn(page, DEMO.engineer);
  await page.goto("/reviews");
  await page
    .getByRole("link", { name: new RegExp(`Ledger export ${issue}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: new RegExp(review) })).toBeVisible();
  await expect(page.getByRole("link", { name: issue })).toHaveAttribute(
    "href",
    `https://acme.atlassian.net/browse/${issue}`,
  );
  await page.screenshot({ path: ".data/shots/review-from-jira-1440.png", fullPage: true });
});
