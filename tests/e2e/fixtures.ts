import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

export const DEMO = {
  admin: "admin@guardians.test",
  lead: "lead@guardians.test",
  engineer: "appsec@guardians.test",
  guardian: "guardian@guardians.test",
  manager: "manager@guardians.test",
  builder: "builder@guardians.test",
  leader2: "leader2@guardians.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** The page's serious and critical WCAG 2.1 A/AA violations (axe), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Clicks the page's "Download CSV" link and answers the file's lines. */
export async function downloadCsvLines(page: Page): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV", exact: true }).click(),
  ]);
  return fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
}

// Any console error on a page fails the test: a broken hydration or a failed request is a bug.
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (
          m.type() === "error" &&
          !/Failed to load resource: the server responded with a status of 40[134]/.test(m.text())
        )
          errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
