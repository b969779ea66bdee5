import { DEMO, expect, signIn, test } from "./fixtures";

// Throwaway: screenshots of the events pages (not committed).
for (const width of [1440, 390]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`events pages at ${width} ${scheme}`, async ({ page, browser }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, DEMO.lead);
      const shot = async (name: string) => {
        await page.screenshot({ path: `.data/shots/events-${name}-${width}-${scheme}.png`, fullPage: true });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide, name).toBeLessThanOrEqual(width);
      };
      await page.goto("/events");
      await shot("list-lead");
      await page.goto("/events?when=past");
      await shot("past-lead");
      await page.getByRole("link", { name: "Secrets in code challenge" }).click();
      await page.waitForURL(/\/events\/\d+(\/edit)?$/);
      await shot("attendance-lead");
      await page.goto("/events?when=past");
      await page.getByRole("link", { name: "Capture the flag: web edition" }).click();
      await page.waitForURL(/\/events\/\d+(\/edit)?$/);
      await shot("contest-lead");
      await page.goto("/events");
      await page.getByRole("link", { name: "Secure code review clinic" }).click();
      await page.waitForURL(/\/events\/\d+(\/edit)?$/);
      await shot("upcoming-lead");
      await page.getByRole("link", { name: "Edit" }).click();
      await page.waitForURL(/\/edit$/);
      await shot("edit-lead");
      await page.goto("/events/new");
      await shot("new-lead");
      await page.goto("/recognition");
      await shot("wall");
      const g = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await signIn(g, DEMO.guardian);
      await g.goto("/events");
      await g.screenshot({ path: `.data/shots/events-list-guardian-${width}-${scheme}.png`, fullPage: true });
      await g.getByRole("link", { name: "Secure code review clinic" }).click();
      await g.waitForURL(/\/events\/\d+$/);
      await g.screenshot({ path: `.data/shots/events-upcoming-guardian-${width}-${scheme}.png`, fullPage: true });
      await g.close();
    });
  }
}
