import { DEMO, expect, signIn, test } from "./fixtures";

test("a guardian drafts a threat model with an undocumented threat; approval waits for acceptance; another org gets 404", async ({ page, browser }) => {
  await signIn(page, DEMO.guardian);
  await page.goto("/threat-models");
  const start = page.getByRole("form", { name: "Start a threat model" });
  await start.getByLabel("Team").selectOption({ label: "Ledger Core" });
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
  await expect(engineer.getByText(/· Approved ·/)).toBeVisible();
  await engineer.close();

  const other = await browser.newPage();
  await signIn(other, DEMO.leader2);
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});
