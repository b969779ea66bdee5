import { DEMO, expect, signIn, test } from "./fixtures";

test("a guardian drafts a threat model with an undocumented threat; approval waits for acceptance; another org gets 404", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/threat-models");
  const start = page.getByRole("form", { name: "Start a threat model" });
  await start.getByLabel("Team").fill("Ledger Core");
  await start.getByLabel("System").fill(`Payout service ${Date.now()}`);
  await start.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/threat-models\/\d+$/);
  const url = page.url();
  const add = page.getByRole("form", { name: "Add a threat" });
  await add.getByLabel("Threat", { exact: true }).fill("Replayed payout request");
  await add.getByLabel("STRIDE category").selectOption("SPOOFING");
  await add.getByLabel("Severity").selectOption("HIGH");
  await add.getByRole("button", { name: "Add threat" }).click();
  await expect(page.getByText("1 threat without a documented mitigation")).toBeVisible();
  // Document it, then flag it again: an existing threat is edited in place.
  await page.getByText(/^Edit THR-/).click();
  const edit = page.getByRole("form", { name: /^Edit THR-/ });
  await edit.getByLabel("Mitigation status").selectOption("PLANNED");
  await edit.getByLabel("Mitigation", { exact: true }).fill("Signed, single-use payout tokens");
  await edit.getByRole("button", { name: "Save threat" }).click();
  await expect(page.locator("p", { hasText: "Signed, single-use payout tokens" })).toBeVisible();
  await expect(page.getByText("1 threat without a documented mitigation")).toBeHidden();
  await edit.getByLabel("Mitigation status").selectOption("NONE");
  await edit.getByRole("button", { name: "Save threat" }).click();
  await expect(page.getByText("1 threat without a documented mitigation")).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/· In review ·/)).toBeVisible();

  const engineer = await browser.newPage();
  await signIn(engineer, DEMO.engineer);
  await engineer.goto(url);
  const decision = engineer.getByRole("form", { name: "Decide on the threat model" });
  await decision.getByRole("button", { name: "Record decision" }).click();
  await expect(decision.getByRole("alert")).toContainText("no documented mitigation");
  await decision.getByLabel("Accept undocumented threats").check();
  await decision.getByRole("button", { name: "Record decision" }).click();
  await decision.getByRole("dialog").getByRole("button", { name: "Approve threat model" }).click();
  await expect(engineer.getByText(/· Approved ·/)).toBeVisible();
  await engineer.close();

  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});
