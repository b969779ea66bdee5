// The app on a phone (390 px): the navigation is a drawer behind a menu button, and wide tables
// scroll inside their card while the page itself does not scroll sideways.
import type { Page } from "@playwright/test";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const activeInDrawer = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest("dialog[open]"));

test("the menu opens with the keyboard, keeps focus inside, closes with Esc and on navigation", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const drawer = page.getByRole("dialog", { name: "Menu" });
  // The sidebar is not shown on a phone: its links are only in the drawer.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(drawer.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await activeInDrawer(page)).toBe(true);

  // Tab and Shift+Tab go round inside the drawer, never to the page behind it.
  const stops = await drawer.locator("a[href], button").count();
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press("Tab");
    expect(await activeInDrawer(page), `focus after ${i + 1} Tab presses`).toBe(true);
  }
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await activeInDrawer(page)).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Reviews" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(drawer.getByRole("link", { name: "Reviews" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("the open drawer has no serious accessibility finding, light and dark", async ({ page }) => {
  await signIn(page, DEMO.guardian);
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    await page.reload();
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
    await page.waitForTimeout(200);
    expect(await seriousViolations(page), theme).toEqual([]);
  }
});

test("at 1440 px the sidebar shows and the menu button does not", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.lead);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
});

test("a wide table scrolls inside its card, reachable by keyboard; the page does not", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/directory/people");
  const region = page.getByRole("region", { name: "People" });
  await expect(region).toHaveAttribute("tabindex", "0");
  const size = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(size.scroll).toBeGreaterThan(size.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

  // At 1440 px the same table fits: no scrolling box, no extra tab stop.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole("region", { name: "People" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "People" })).toBeVisible();
});
