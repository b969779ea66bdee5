// Every signed-in page, opened by each demo account, against a written-out table of answers
// (200 shown, 403 refused for want of a permission, 404 another organisation's record), so a
// change of the permission table or of a page's scoping shows up here. Records are taken from
// what the org-A guardian can see: the org-A manager and builder see them too, leader2 (org B) not.
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const ACCOUNTS = [
  "admin",
  "lead",
  "engineer",
  "guardian",
  "manager",
  "builder",
  "leader2",
] as const;
type Account = (typeof ACCOUNTS)[number];

// Columns: admin lead engineer | guardian manager builder (org A) | leader2 (org B)
const PAGES: [string, string][] = [
  ["/", "200 200 200 200 200 200 200"],
  ["/admin/audit", "200 403 403 403 403 403 403"],
  ["/admin/sso", "200 403 403 403 403 403 403"],
  ["/admin/jobs", "200 403 403 403 403 403 403"],
  ["/alerts", "200 200 403 403 403 403 403"],
  ["/belts", "200 200 403 403 403 403 403"],
  ["/dashboard", "200 200 200 403 200 403 200"],
  ["/dashboard/reviews", "200 200 200 403 200 403 200"],
  ["/dashboard/feedback", "200 200 200 403 200 403 200"],
  ["/directory", "200 200 200 200 200 200 200"],
  ["/directory/orgs", "200 200 200 200 200 200 200"],
  ["/directory/orgs/new", "200 200 403 403 403 403 403"],
  ["/directory/teams/new", "200 200 403 403 403 403 403"],
  ["/directory/people", "200 200 200 200 200 200 200"],
  ["/directory/people/new", "200 200 403 403 403 403 403"],
  ["/fast-track", "200 200 403 403 403 403 403"],
  ["/fast-track/spot-checks", "403 403 200 403 403 403 403"],
  ["/events", "200 200 200 200 200 200 200"],
  ["/events/new", "200 200 403 403 403 403 403"],
  ["/feedback", "200 200 200 200 200 403 200"],
  ["/import", "200 200 403 403 403 403 403"],
  ["/log", "403 403 200 200 403 200 403"],
  ["/newsletters", "200 200 403 403 200 403 200"],
  ["/nominations", "200 200 403 200 200 200 200"],
  ["/notifications", "200 200 200 200 200 200 200"],
  ["/notifications/preferences", "200 200 200 200 200 200 200"],
  ["/program", "200 200 200 200 200 200 200"],
  ["/program/channels", "200 200 403 403 403 403 403"],
  ["/program/edit", "200 200 403 403 403 403 403"],
  ["/program/runbook", "200 200 403 403 403 403 403"],
  ["/recognition", "200 200 200 200 200 200 200"],
  ["/recognition/leaderboards", "200 200 200 200 200 200 200"],
  ["/releases", "200 200 200 200 200 200 200"],
  ["/surveys", "200 200 200 200 200 200 200"],
  ["/surveys/new", "200 200 403 403 403 403 403"],
  ["/reviews", "200 200 200 200 200 200 200"],
  ["/search?q=ledger", "200 200 200 200 200 200 200"],
  ["/threat-models", "200 200 200 200 200 200 200"],
  ["/threat-models/import", "200 200 200 200 403 403 403"],
  ["/training", "200 200 200 200 200 200 200"],
  ["/no-such-page", "404 404 404 404 404 404 404"],
];
// Pages of one record of organisation A, by the link found on the guardian's list page.
const RECORDS: [string, string, string, RegExp, string][] = [
  ["review", "/reviews", "/reviews/", /^\/reviews\/\d+$/, "200 200 200 200 200 200 404"],
  [
    "threat model",
    "/threat-models",
    "/threat-models/",
    /^\/threat-models\/\d+$/,
    "200 200 200 200 200 200 404",
  ],
  [
    "team",
    "/directory",
    "/directory/teams/",
    /^\/directory\/teams\/\d+$/,
    "200 200 200 200 200 200 404",
  ],
];

async function firstLink(
  page: Page,
  list: string,
  prefix: string,
  pattern: RegExp,
): Promise<string> {
  await page.goto(list);
  const links = page.locator(`main a[href^='${prefix}']`);
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link like ${pattern} on ${list}`).toBeTruthy();
  return href!;
}

let records: [string, string][] = [];

async function findRecords(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.guardian);
  const found: [string, string][] = [];
  for (const [, list, prefix, pattern, expected] of RECORDS)
    found.push([await firstLink(page, list, prefix, pattern), expected]);
  const team = found.find(([path]) => path.startsWith("/directory/teams/"))![0];
  found.push([`${team}/edit`, "200 200 403 403 403 403 403"]);
  // The team's organisation page (from the team's page): outside leader2's organisation.
  await page.goto(team);
  const org = await page.locator("main a[href^='/directory/orgs/']").first().getAttribute("href");
  expect(org).toMatch(/^\/directory\/orgs\/\d+$/);
  found.push([org!, "200 200 200 200 200 200 404"]);
  // A profile of someone in the guardian's team: the builder's.
  await page.goto("/directory/people?q=builder%40guardians.test");
  const profile = await page
    .locator("main a[href^='/people/']")
    .first()
    .getAttribute("href", { timeout: 10_000 });
  expect(profile).toMatch(/^\/people\/\d+$/);
  found.push([profile!, "200 200 200 200 200 200 404"]);
  // Their impact statement: themselves, their organisation's manager and the leads.
  found.push([`${profile!}/impact`, "200 200 404 404 200 200 404"]);
  found.push([
    `/directory/people/${profile!.split("/").pop()}/edit`,
    "200 200 403 403 403 403 403",
  ]);
  await context.close();
  return found;
}

test.beforeAll(async ({ browser }) => {
  // Several list pages and a team's page, read once for all accounts: more than the default minute.
  test.setTimeout(180_000);
  records = await findRecords(browser);
});

for (const [i, account] of ACCOUNTS.entries()) {
  test(`${account} gets the expected answer on every page`, async ({ page }) => {
    await signIn(page, DEMO[account as Account]);
    const wrong: string[] = [];
    for (const [path, row] of [...PAGES, ...records]) {
      const expected = Number(row.split(" ")[i]);
      const res = await page.request.get(path, { maxRedirects: 0 });
      if (res.status() !== expected) wrong.push(`${path}: ${res.status()} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });
}
