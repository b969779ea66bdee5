import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { createPerson, withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Notifications as people meet them: kudos given in the app reach the person recognised (the
// bell, the list, opening an item, mark all read); their email choices stay chosen; and an
// email sent by the app's own queue worker unsubscribes them from a signed-out browser. The
// mail sink started by playwright.config.ts is read over HTTP.
test.describe.configure({ timeout: 150_000 });

const MAIL = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? "3191"}`;
const PASSWORD = "copper-lantern-meadow-4";
const KUDOS = "Kudos or award received";

type Message = { to: string[]; subject: string; text: string; headers: Record<string, string> };

async function mailTo(address: string): Promise<Message[]> {
  const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as Message[];
}

/** A guardian of their own, with a password, for one journey. */
const newGuardian = (name: string) =>
  createPerson({
    name: `${name} ${randomUUID().slice(0, 6)}`,
    roles: ["GUARDIAN"],
    password: PASSWORD,
  });

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

/** The lead recognises the person from their profile page, through the form. */
async function giveKudos(page: Page, personId: number, title: string) {
  await page.goto(`/people/${personId}`);
  const form = page.getByRole("form", { name: /^Recognise / });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("What they did").fill("Caught an injection before the release.");
  await form.getByRole("button", { name: "Recognise" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
}

const choiceIn = (page: Page, kind: string) => page.getByRole("radiogroup", { name: kind });

test("kudos reach the person recognised: the bell, the list, opening one, marking read", async ({
  page,
  browser,
}) => {
  const rita = await newGuardian("Rita Recognised");
  await signIn(page, DEMO.lead);
  for (const title of ["Sharp threat model", "Careful review", "Quick triage"])
    await giveKudos(page, rita.id, title);

  const her = await signedIn(browser, rita.email);
  const bell = her.getByRole("banner").getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 3 unread");
  await expect(bell).toContainText("3");
  await bell.click();
  await expect(her).toHaveURL(/\/notifications$/);
  await expect(her.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const items = her.getByRole("list", { name: "Notifications" }).getByRole("listitem");
  const item = (title: string) => items.filter({ hasText: `“${title}”` });
  // Newest first, each with its kind.
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText("“Quick triage”");
  await expect(items.first()).toContainText(KUDOS);
  await expect(items.nth(2)).toContainText("“Sharp threat model”");
  expect(await seriousViolations(her)).toEqual([]);

  // Opening one lands on the record and reads it: the bell counts one less.
  await item("Sharp threat model")
    .getByRole("link", { name: /Sharp threat model/ })
    .click();
  await expect(her).toHaveURL(new RegExp(`/people/${rita.id}#recognition$`));
  await expect(her.getByRole("heading", { name: "Recognition" })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");

  // Back on the list (a navigation inside the app): read ones offer no "Mark as read".
  await bell.click();
  await expect(item("Sharp threat model").getByRole("button")).toHaveCount(0);
  await item("Careful review").getByRole("button", { name: "Mark “Kudos from" }).click();
  await expect(item("Careful review").getByRole("button")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");

  await her.getByRole("button", { name: "Mark all as read" }).click();
  await expect(her.getByRole("status")).toHaveText("Marked 1 notification as read.");
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(bell).toHaveText("");
  await expect(her.getByRole("button", { name: "Mark all as read" })).toBeDisabled();

  // Someone else's notification: the app's 404, and it stays unread.
  const theirs = await withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO "Notification" ("userId", kind, title, link, "eventKey")
       SELECT id, 'BELT_AWARDED', 'Not yours', '/belts', $1 FROM "User" WHERE email = $2
       RETURNING id::text`,
      [`e2e:${randomUUID()}`, DEMO.lead],
    );
    return rows[0]!.id;
  });
  const response = await her.goto(`/notifications/${theirs}/open`);
  expect(response?.status()).toBe(404);
  const readAt = await withE2eDb(
    async (c) =>
      (await c.query(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [theirs])).rows[0]
        ?.readAt,
  );
  expect(readAt).toBeNull();
});

test("email choices are kept, defaults marked, and summaries never offered as a digest", async ({
  browser,
}) => {
  const gina = await newGuardian("Gina Prefers");
  const page = await signedIn(browser, gina.email);
  await page
    .getByRole("banner")
    .getByRole("link", { name: /^Notifications/ })
    .click();
  await expect(page.getByText("No notifications yet")).toBeVisible();
  await page.getByRole("link", { name: "Email preferences" }).click();
  await expect(page).toHaveURL(/\/notifications\/preferences$/);

  const kudos = choiceIn(page, KUDOS);
  await expect(kudos.getByRole("radio", { name: "Daily digest (default)" })).toBeChecked();
  await expect(choiceIn(page, "Monthly hours reminder").getByRole("radio")).toHaveCount(2);
  await expect(
    choiceIn(page, "Monthly hours reminder").getByRole("radio", { name: /Daily digest/ }),
  ).toHaveCount(0);
  // Kinds of other roles are listed too, after the person's own.
  await expect(choiceIn(page, "Weekly program digest")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await kudos.getByRole("radio", { name: "Off" }).check();
  await choiceIn(page, "Belt awarded")
    .getByRole("radio", { name: /^Daily digest/ })
    .check();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 2 email settings changed.");

  await page.reload();
  await expect(choiceIn(page, KUDOS).getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(
    choiceIn(page, "Belt awarded").getByRole("radio", { name: "Daily digest" }),
  ).toBeChecked();
  await expect(
    choiceIn(page, "Belt awarded").getByRole("radio", { name: "Immediately (default)" }),
  ).not.toBeChecked();
});

test("an emailed notification's link unsubscribes from a signed-out browser", async ({
  page,
  browser,
}) => {
  const uma = await newGuardian("Uma Unsubscribes");
  const her = await signedIn(browser, uma.email);
  await her.goto("/notifications/preferences");
  await choiceIn(her, KUDOS).getByRole("radio", { name: "Immediately" }).check();
  await her.getByRole("button", { name: "Save preferences" }).click();
  await expect(her.getByRole("status")).toHaveText("Saved: 1 email setting changed.");

  await signIn(page, DEMO.lead);
  await giveKudos(page, uma.id, "Fast fix");
  // The app's own queue worker sends it.
  await expect.poll(async () => (await mailTo(uma.email)).length, { timeout: 30_000 }).toBe(1);
  const [message] = await mailTo(uma.email);
  expect(message!.subject).toContain("“Fast fix”");
  expect(message!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(https?:\/\/[^>]+\/api\/unsubscribe\/[^>]+)>$/.exec(
    message!.headers["list-unsubscribe"] ?? "",
  )?.[1];
  expect(oneClick, message!.headers["list-unsubscribe"]).toBeTruthy();
  const link = /https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9._-]+/.exec(message!.text)?.[0];
  expect(link, message!.text).toBeTruthy();

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link!);
  await expect(stranger.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(stranger.getByText(`this turns off “${KUDOS}” emails.`)).toBeVisible();
  expect(await seriousViolations(stranger)).toEqual([]);
  await stranger.getByRole("button", { name: "Turn these emails off" }).click();
  await expect(stranger.getByRole("status")).toHaveText(`Done: no more emails for “${KUDOS}”.`);
  await stranger.getByRole("link", { name: "Choose which emails you get" }).click();
  await expect(stranger).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotifications%2Fpreferences/);

  await her.reload();
  await expect(choiceIn(her, KUDOS).getByRole("radio", { name: "Off" })).toBeChecked();

  // A mail provider's one-click POST, from its own site: answered, idempotent.
  const post = await stranger.request.post(oneClick!, {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { origin: "https://mail.provider.example" },
  });
  expect(post.status()).toBe(200);
  expect(await post.text()).toBe("Unsubscribed: those emails were already off.\n");
});
