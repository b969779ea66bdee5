// The Content-Security-Policy: scripts run only with the request's nonce (no 'unsafe-inline'),
// and every page still works in the browser with no violation reported: charts, forms,
// sign-in and the single sign-on redirect. A script injected into a page does not run.
import { test as plain, type APIResponse, type Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? "";

const nonceOf = (res: APIResponse) =>
  /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];

/** Every violation any document of the page reports (kept across navigations). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return violations;
}

/**
 * The page's scripts ran: Next's client runtime started. Polled with page.evaluate, which the
 * policy does not govern (waitForFunction evaluates its predicate with eval in the page).
 */
const hydrated = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => Boolean((window as { next?: { version?: string } }).next)))
    .toBe(true);

test("pages send a fresh script nonce, without 'unsafe-inline', and every script carries it", async ({
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"];
  const scripts = directive(policy, "script-src");
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{22,}'/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(directive(policy, "object-src")).toBe("object-src 'none'");
  expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  const tags = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((t) => !t.includes(`nonce="${nonceOf(first)}"`))).toEqual([]);
});

test("API answers carry a policy that allows nothing", async ({ request }) => {
  const res = await request.get("/api/teams?q=a");
  expect(res.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
});

test("no page reports a violation, and the app runs: charts, forms, sign-in, SSO redirect", async ({
  page,
}) => {
  test.slow(); // about thirty pages, three sign-ins
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await hydrated(page);
  // Single sign-on: the button takes the browser to the provider (form-action, redirects).
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL((u) => u.port === (process.env.E2E_OIDC_PORT ?? "3190"));

  await signIn(page, DEMO.lead);
  for (const path of [
    "/",
    "/dashboard",
    "/dashboard/reviews",
    "/dashboard/people",
    "/reviews",
    "/threat-models",
    "/releases",
    "/directory",
    "/directory/orgs",
    "/directory/people",
    "/program",
    "/program/channels",
    "/program/runbook",
    "/newsletters",
    "/nominations",
    "/feedback",
    "/recognition",
    "/training",
    "/belts",
    "/import",
    "/account",
  ]) {
    await page.goto(path);
    await hydrated(page);
  }
  await page.goto("/dashboard");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // A client-side navigation and a record page.
  await page.goto("/reviews");
  await page.locator('a[href^="/reviews/"]').first().click();
  await page.waitForURL(/\/reviews\/\d+$/);
  await hydrated(page);

  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  for (const path of ["/admin/audit", "/admin/sso"]) {
    await page.goto(path);
    await hydrated(page);
  }

  // A form driven by its script: hours logged, the answer shown in place.
  await page.context().clearCookies();
  await signIn(page, DEMO.engineer);
  await page.goto("/log");
  await hydrated(page);
  await page.getByLabel("Hours", { exact: true }).fill("0.25");
  await page.getByLabel("Activity").selectOption("OTHER");
  await page.getByRole("button", { name: "Log hours" }).click();
  await expect(page.getByRole("status")).toHaveText("Logged 0.25 h.");

  expect(violations).toEqual([]);
});

// Without the console fixture: the refused script is reported as a console error on purpose.
plain(
  "a script injected into a page's HTML does not run, and the browser reports it",
  async ({ page }) => {
    const violations = await watchViolations(page);
    await page.route("**/sign-in", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</head>",
        "<script>window.__injected = true</script></head>",
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/sign-in");
    await hydrated(page);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
      undefined,
    );
    expect(violations).toEqual([expect.stringMatching(/^\/sign-in: script-src-elem inline$/)]);
  },
);
