import { DEMO, expect, signIn, test } from "./fixtures";
import { withE2eDb } from "./db";

test("a lead plans an event, a guardian takes its only place, the lead records attendance and the hours appear", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Secrets workshop ${Date.now()}`;
  const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

  // The lead plans it: one place, for everyone, three hours.
  await signIn(page, DEMO.lead);
  await page.goto("/events");
  await page.getByRole("link", { name: "New event" }).click();
  const form = page.getByRole("form", { name: "Event" });
  await form.getByLabel("Kind").selectOption({ label: "Workshop" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Date (UTC)").fill(inTenDays);
  await form.getByLabel("Start time (UTC)").fill("14:00");
  await form.getByLabel("Duration (hours)").fill("1.1");
  await form.getByLabel("Capacity").fill("1");
  await form.getByRole("button", { name: "Create event" }).click();
  // Bad input is refused beside its field and nothing is saved.
  await expect(form.getByText("Use quarter-hour steps: 0.25, 0.5, 0.75…")).toBeVisible();
  await form.getByLabel("Duration (hours)").fill("3");
  await form.getByRole("button", { name: "Create event" }).click();
  await page.waitForURL(/\/events\/\d+$/);
  const id = Number(/\/events\/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("1 of 1 left")).toBeVisible();

  // The guardian finds it with its place left and registers; a second click changes nothing.
  const guardian = await browser.newPage();
  await signIn(guardian, DEMO.guardian);
  await guardian.goto("/events");
  const row = guardian.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("1 of 1");
  await row.getByRole("link", { name: title }).click();
  await guardian.getByRole("button", { name: "Register" }).click();
  await expect(
    guardian.getByRole("status").filter({ hasText: "You are registered." }),
  ).toBeVisible();
  await expect(guardian.getByRole("button", { name: "Give up my place" })).toBeVisible();
  await guardian.goto("/events");
  await expect(guardian.getByRole("row", { name: new RegExp(title) })).toContainText(
    "You are registered",
  );

  // The builder finds it full.
  const builder = await browser.newPage();
  await signIn(builder, DEMO.builder);
  await builder.goto(`/events/${id}`);
  await expect(builder.getByText("This event is full: its only place is taken.")).toBeVisible();
  await expect(builder.getByRole("button", { name: "Register" })).toHaveCount(0);
  await builder.close();

  // An event for an organisation the guardian is not in answers as missing.
  const hidden = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `WITH RECURSIVE mine AS (
         SELECT o.id, o."parentId" FROM "Org" o JOIN "User" u ON u."orgId" = o.id WHERE u.email = $1
         UNION SELECT o.id, o."parentId" FROM "Org" o JOIN mine m ON o.id = m."parentId")
       INSERT INTO "Event" (kind, title, "startsAt", "quarterHours", capacity, "orgId", "createdById")
       SELECT 'GAME_DAY', 'Another organisation''s game day', now() + interval '5 days', 8, 10, o.id,
         (SELECT id FROM "User" WHERE email = $2)
       FROM "Org" o WHERE o.id NOT IN (SELECT id FROM mine) ORDER BY o.id LIMIT 1 RETURNING id`,
      [DEMO.guardian, DEMO.lead],
    );
    return rows[0].id;
  });
  expect((await guardian.goto(`/events/${hidden}`))?.status()).toBe(404);

  // The day comes (the start moved to an hour ago); the lead ticks the guardian by keyboard.
  await withE2eDb((c) =>
    c.query(`UPDATE "Event" SET "startsAt" = now() - interval '1 hour' WHERE id = $1`, [id]),
  );
  await page.reload();
  const attendance = page.getByRole("form", { name: "Attendance" });
  const tick = attendance.getByRole("checkbox", { name: /Gina Guardian/ });
  await tick.focus();
  await page.keyboard.press("Space");
  await expect(tick).toBeChecked();
  await attendance.getByRole("button", { name: "Save attendance" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Attendance saved: 1 person marked attended" }),
  ).toBeVisible();

  // The guardian sees it: attended on the event, three hours of training in their log.
  await guardian.goto(`/events/${id}`);
  await expect(guardian.getByText("You attended", { exact: true })).toBeVisible();
  await guardian.goto("/log");
  await expect(guardian.getByText(`Workshop: ${title}`)).toBeVisible();
  await guardian.close();
});
