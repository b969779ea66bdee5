// Every page of the app (app/**/page.tsx, tests/e2e/app-routes.ts) in the light and the dark
// theme: no serious or critical axe finding, and at 390 px no page scrolls sideways (wide tables
// scroll inside their card). The roles take turns: each checks its home and the pages no role
// before it has checked, so every page is seen in a role that may open it at a bearable run time.
// Pages with an id in their address are opened with the real ids the role finds on the pages it
// opens, as a user reaches them. One browser context per role, signed in once; the tests share
// what is checked, so they run in order in one worker.
import type { Browser, Page } from "@playwright/test";
import { appRoutes, isDynamic, type AppRoute } from "./app-routes";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

test.use({ actionTimeout: 15_000 });

const ROUTES = appRoutes();
// Not pages a person looks at: opening a notification marks it read and redirects to its record.
const NOT_PAGES = new Set(["/notifications/[id]/open"]);
// Emailed-link pages: a made-up token shows the page's "this link does not work" state.
const AUTH_SAMPLES: Record<string, string> = {
  "/set-password/[token]": "/set-password/not-a-real-token",
  "/unsubscribe/[token]": "/unsubscribe/not-a-real-token",
};
const THEME_TOGGLE = "Switch between light and dark theme";

type Theme = "light" | "dark";
// Route pattern (or "403", "404") → the roles that checked it.
const checked = new Map<string, Set<string>>();

// A fixed segment wins over an [id] one, as in Next's router: /dashboard/compare is not a family.
function routeOf(path: string): AppRoute | undefined {
  const matching = ROUTES.filter((r) => r.match.test(path));
  return matching.find((r) => !isDynamic(r)) ?? matching[0];
}

async function theme(page: Page): Promise<Theme> {
  return (await page.evaluate(() => document.documentElement.classList.contains("dark")))
    ? "dark"
    : "light";
}

/** As a person does: the header's theme button, or (pages without the app's shell) the stored choice. */
async function switchTheme(page: Page) {
  const button = page.getByRole("button", { name: THEME_TOGGLE });
  if ((await button.count()) > 0) await button.click();
  else {
    const next = (await theme(page)) === "dark" ? "light" : "dark";
    await page.evaluate((t) => localStorage.setItem("theme", t), next);
    await page.reload();
  }
  await page.waitForTimeout(200); // colour transitions (150 ms) settle before contrast is measured
}

/** The page's findings in the current theme, then (after the theme button) in the other. */
async function findingsInBothThemes(page: Page, path: string): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < 2; i++) {
    if (i === 1) await switchTheme(page);
    const current = await theme(page);
    for (const v of await seriousViolations(page)) found.push(`${path} [${current}] ${v}`);
  }
  return found;
}

/** At 390 px the page itself is no wider than the screen. */
async function sidewaysScroll(page: Page, path: string): Promise<string[]> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts measure their box again on the frame after a resize, as they would on a phone's load.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const { wide, culprit } = await page.evaluate(() => {
    // The innermost element reaching past the screen that no scroll region holds names the cause.
    let culprit = "";
    for (const el of document.querySelectorAll("main *")) {
      if (el.getBoundingClientRect().right <= 391 || el.parentElement?.closest(".overflow-x-auto"))
        continue;
      culprit = `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`;
    }
    return { wide: document.documentElement.scrollWidth, culprit };
  });
  await page.setViewportSize(size);
  return wide > 390 ? [`${path}: the page is ${wide} px wide at 390 px (${culprit})`] : [];
}

/** Paths in the page's content that open a page with an id not yet checked in this role. */
async function detailLinks(page: Page, seen: Set<string>): Promise<string[]> {
  const hrefs = await page
    .locator("main a[href^='/']")
    .evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const next: string[] = [];
  for (const href of hrefs) {
    const route = routeOf(href);
    if (!route || !isDynamic(route) || NOT_PAGES.has(route.pattern) || seen.has(route.pattern))
      continue;
    seen.add(route.pattern);
    next.push(href);
  }
  return next;
}

for (const [role, email] of Object.entries(DEMO)) {
  test(`the pages the ${role} is first to open have no serious accessibility finding (light and dark, 390 px)`, async ({
    page,
  }) => {
    test.setTimeout(1_200_000);
    await signIn(page, email);
    // Each role's home differs; any other page is checked in the first role that may open it,
    // but every role opens every page for the links it holds in that role.
    const queue = ["/", ...ROUTES.filter((r) => r.signedIn && !isDynamic(r)).map((r) => r.pattern)];
    if (!checked.has("404")) queue.push("/no-such-page");
    const seen = new Set(checked.keys());
    const findings: string[] = [];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const response = await page.goto(path);
      const status = response?.status() ?? 0;
      // A refused page, and the missing page, are pages too: checked once.
      const key = status === 200 ? routeOf(new URL(page.url()).pathname)?.pattern : `${status}`;
      if (!key) continue;
      // A page another role checked is not checked again, but its links are followed: what it
      // lists (the guardian's own entries) differs by role.
      if (checked.has(key) && path !== "/") {
        if (status === 200) queue.push(...(await detailLinks(page, seen)));
        continue;
      }
      const found = [
        ...(await findingsInBothThemes(page, path)),
        ...(await sidewaysScroll(page, path)),
      ];
      if (found.length > 0) console.log(found.join("\n"));
      findings.push(...found);
      checked.set(key, (checked.get(key) ?? new Set()).add(role));
      if (status === 200) queue.push(...(await detailLinks(page, seen)));
    }
    expect(findings).toEqual([]);
  });
}

async function checkSignedOut(browser: Browser, colorScheme: Theme, paths: string[]) {
  // The signed-out pages have no theme button: they follow the system setting.
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const findings: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    expect(await theme(page)).toBe(colorScheme);
    for (const v of await seriousViolations(page)) findings.push(`${path} [${colorScheme}] ${v}`);
    findings.push(...(await sidewaysScroll(page, path)));
  }
  await context.close();
  return findings;
}

test("the signed-out pages have no serious accessibility finding (light and dark)", async ({
  browser,
}) => {
  const paths = ROUTES.filter((r) => !r.signedIn).map((r) => AUTH_SAMPLES[r.pattern] ?? r.pattern);
  const findings = [
    ...(await checkSignedOut(browser, "light", paths)),
    ...(await checkSignedOut(browser, "dark", paths)),
  ];
  expect(findings).toEqual([]);
});

test("every signed-in page was checked in at least one role", () => {
  test.skip(checked.size === 0, "runs after the role tests, in the same worker");
  const missing = ROUTES.filter(
    (r) => r.signedIn && !NOT_PAGES.has(r.pattern) && !checked.has(r.pattern),
  ).map((r) => r.pattern);
  expect(missing, "pages no role reached (is there a link to them in the demo data?)").toEqual([]);
});
