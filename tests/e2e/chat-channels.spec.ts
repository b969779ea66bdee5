import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { SERVER_LOG } from "../../playwright.config";
import { startChatSink, type ChatSink } from "../support/chat-sink";
import { withE2eDb } from "./db";
import { DEMO, expect, seriousViolations, signIn, test } from "./fixtures";

// Issue 15, point 5: a lead connects an organisation's Slack channel (a local stand-in for
// Slack, started here; playwright.config.ts lets the app post to 127.0.0.1), sees only the URL's
// hint, sends a test message that arrives, watches a refused one fail and retries it, and
// removes the channel after confirming. The URL appears nowhere: page, HTML or server log.
// SHOTS=1 saves screenshots under .data/shots/.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const TOKEN = "e2eSecretToken5150XyZq";
const PATH = `/services/TE2E0001/BE2E0002/${TOKEN}`;
let sink: ChatSink;

test.beforeAll(async () => {
  sink = await startChatSink();
  await withE2eDb((c) => c.query(`DELETE FROM "ChannelWebhook"`));
});
test.afterAll(async () => {
  await sink?.close();
});

async function shot(page: Page, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: `.data/shots/${name}.png`, fullPage: true });
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const slackCard = (page: Page) => page.getByRole("region", { name: "Slack", exact: true });

test("a lead connects Slack, sees only the hint, tests, retries and removes the channel", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/program");
  await page.getByRole("link", { name: "Slack and Teams" }).click();
  await expect(page.getByRole("heading", { name: "Slack and Teams channels" })).toBeVisible();
  await page.getByLabel("Organisation").selectOption({ label: "Retail" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/\/program\/channels\?org=\d+$/);
  await expect(slackCard(page)).toContainText("Not set");
  await expect(page.getByText("Nothing posted yet")).toBeVisible();
  await shot(page, "channels-empty");

  // A URL of another tool is refused beside the field.
  const card = slackCard(page);
  await card.getByLabel("Webhook URL").fill("https://example.com/services/T1/B1/x");
  await card.getByRole("button", { name: "Save channel" }).click();
  await expect(card.getByText("Paste a Slack incoming-webhook URL")).toBeVisible();

  await card.getByLabel("Webhook URL").fill(sink.url(PATH));
  await card.getByLabel("Team over its risk budget").uncheck();
  await card.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Slack channel saved. Send a test message to check it.",
  );
  const hint = `127.0.0.1:${sink.port}/…/XyZq`;
  await expect(card.getByText(hint)).toBeVisible();
  await expect(card.getByText("Belt awarded, Newsletter published, Coverage alert")).toBeVisible();
  await expect(card.getByLabel("Replace the webhook URL")).toHaveValue("");
  expect(await page.content()).not.toContain(TOKEN);
  await page.reload();
  expect(await page.content()).not.toContain(TOKEN);
  await expect(page.getByLabel("Organisation")).toContainText("Retail (Slack)");

  // A test message arrives at the channel, and shows as sent.
  await slackCard(page).getByRole("button", { name: "Send a test message" }).click();
  await expect(page.getByRole("status")).toContainText("Test message sent");
  const [arrived] = sink.posts(PATH);
  expect(arrived.body).toMatchObject({
    text: expect.stringMatching(/^Test message from Guardians: .* checked that this channel/),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: expect.stringContaining("*Test message") } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: expect.stringMatching(/\/program\/channels\?org=\d+\|Open in Guardians>$/),
          },
        ],
      },
    ],
  });
  const posts = page.getByRole("table", { name: /Posts to Retail's channels/ });
  await expect(posts.getByRole("row")).toHaveCount(2);
  await expect(posts).toContainText("Sent");
  await shot(page, "channels-saved");

  // Slack refuses the next one: the failure shows, and Retry sends it once Slack takes it.
  sink.failNext(1, 404, { body: "no_service" });
  await slackCard(page).getByRole("button", { name: "Send a test message" }).click();
  await expect(slackCard(page).getByRole("alert")).toHaveText(
    "Slack answered 404: no_service. Check the URL in Slack, save it again and send another test.",
  );
  await page.reload();
  await expect(posts.getByRole("row").nth(1)).toContainText("Failed");
  await expect(posts.getByRole("row").nth(1)).toContainText("Slack answered 404: no_service");
  await shot(page, "channels-failed");
  await expectAccessible(page);
  await posts.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Queued again: reload in a moment to see the outcome.",
  );
  await expect
    .poll(() => sink.posts(PATH).map((p) => p.status), { timeout: 20_000 })
    .toEqual([200, 404, 200]);
  await page.reload();
  await expect(posts.getByRole("row").nth(1)).toContainText("Sent");
  await expect(posts.getByRole("row").nth(1)).toContainText("2"); // attempts

  // Removing asks first; cancelling keeps it.
  await slackCard(page).getByRole("button", { name: "Remove channel" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the Slack channel of Retail?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(slackCard(page).getByText(hint)).toBeVisible();
  await slackCard(page).getByRole("button", { name: "Remove channel" }).click();
  await dialog.getByRole("button", { name: "Remove channel" }).click();
  await expect(slackCard(page).getByRole("status")).toHaveText("Slack channel removed.");
  await expect(slackCard(page)).toContainText("Not set");

  const log = await readFile(SERVER_LOG, "utf8");
  expect(log).not.toContain(TOKEN);
});

test("the page is the leads': others are refused", async ({ page }) => {
  for (const who of [DEMO.manager, DEMO.guardian, DEMO.engineer]) {
    await page.context().clearCookies();
    await signIn(page, who);
    const response = await page.goto("/program/channels");
    expect(response?.status(), who).toBe(403);
  }
});

test("fits a phone, in the dark too", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, DEMO.lead);
  await page.goto("/program/channels");
  await expect(slackCard(page)).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "channels-phone-dark");
  await expectAccessible(page);
});
