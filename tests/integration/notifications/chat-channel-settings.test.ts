import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { WEBHOOK_URL_MESSAGES } from "@/lib/notifications/webhook-url";
import {
  removeChannelAction,
  retryPostAction,
  saveChannelAction,
  sendTestMessageAction,
} from "@/lib/server/channels/actions";
import { channelOrgs, orgChannels, recentPosts } from "@/lib/server/channels/queries";
import { openWebhookUrl } from "@/lib/server/channels/webhook-secret";
import { postToChannels } from "@/lib/server/notifications/channels";
import { exportAll } from "@/lib/server/transfer/export";
import { createOrg, createUser } from "../../factories";
import { resetDatabase, withClient } from "../../setup/db";
import {
  actAs,
  changedTables,
  fingerprint,
  formData,
  invoke,
  type ServerAction,
} from "../action-harness";
import { clearQueue } from "./queue-helpers";

vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

// The settings behind /program/channels, through their server actions: who may change a
// channel, what input is refused, and that the webhook URL never comes back out in clear.
// No local test hosts here: every URL must be the tool's own (and nothing is posted).
delete process.env.CHAT_WEBHOOK_ALLOW_HOSTS;

const TOKEN = "zzTopSecretToken42AbC9";
const SLACK = `https://hooks.slack.com/services/T0SECRET1/B0SECRET2/${TOKEN}`;
const SLACK_2 = "https://hooks.slack.com/services/T0SECRET1/B0SECRET2/NewTokenFromSlackXy77";
const TEAMS =
  "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/0123/TeamsTok3n";
const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

const bigints = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

let w: Awaited<ReturnType<typeof world>>;
beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
  w = await world();
});

async function world() {
  const payments = await createOrg({ name: "Payments" });
  const retail = await createOrg({ name: "Retail" });
  const cards = await createOrg({ name: "Cards", parentId: payments.id });
  const people = {
    admin: await createUser(["ADMIN"]),
    lead: await createUser(["LEAD"]),
    engineer: await createUser(["SECURITY_ENGINEER"]),
    manager: await createUser(["MANAGER"], { orgId: payments.id }),
    guardian: await createUser(["GUARDIAN"], { orgId: payments.id }),
    builder: await createUser(["BUILDER"], { orgId: payments.id }),
  };
  await db.org.update({ where: { id: payments.id }, data: { leaderId: people.manager.id } });
  return { payments, retail, cards, people };
}

async function run(action: ServerAction, fields: Record<string, string>, as = w.people.lead.id) {
  actAs(as);
  return invoke(action, formData(fields));
}

const slackForm = (fields: Record<string, string> = {}) => ({
  orgId: String(w.payments.id),
  tool: "SLACK",
  url: SLACK,
  "event-BELT_AWARDED": "on",
  "event-OVER_RISK_BUDGET": "on",
  ...fields,
});

describe("saving a channel", () => {
  it("stores the URL sealed with its hint, and takes a blank URL as 'keep it'", async () => {
    expect(await run(saveChannelAction, slackForm())).toEqual({
      kind: "ok",
      state: { status: "ok", message: "Slack channel saved. Send a test message to check it." },
    });
    const saved = await db.channelWebhook.findFirstOrThrow();
    expect(saved).toMatchObject({
      orgId: w.payments.id,
      tool: "SLACK",
      urlHint: "hooks.slack.com/…/AbC9",
      events: ["BELT_AWARDED", "OVER_RISK_BUDGET"],
    });
    expect(saved.urlEncrypted).toMatch(/^v1\./);
    expect(saved.urlEncrypted).not.toContain(TOKEN);
    expect(openWebhookUrl(saved)).toBe(SLACK);

    const events = await run(
      saveChannelAction,
      slackForm({ url: "", "event-OVER_RISK_BUDGET": "", "event-COVERAGE_ALERT": "on" }),
    );
    expect(events.kind === "ok" && events.state.message).toBe("Slack events saved.");
    const kept = await db.channelWebhook.findFirstOrThrow();
    expect(kept.urlEncrypted).toBe(saved.urlEncrypted);
    expect(kept.events).toEqual(["BELT_AWARDED", "COVERAGE_ALERT"]);

    const replaced = await run(saveChannelAction, slackForm({ url: SLACK_2 }));
    expect(replaced.kind === "ok" && replaced.state.message).toBe(
      "Slack webhook URL replaced and events saved.",
    );
    expect(await db.channelWebhook.findFirstOrThrow()).toMatchObject({
      urlHint: "hooks.slack.com/…/Xy77",
    });
    expect(await db.channelWebhook.count()).toBe(1);
  });

  it.each([
    [
      "a host that is not Slack's",
      { url: "https://evil.test/services/T1/B1/x" },
      WEBHOOK_URL_MESSAGES.SLACK,
    ],
    ["a Teams URL for Slack", { url: TEAMS }, WEBHOOK_URL_MESSAGES.SLACK],
    ["a Slack URL for Teams", { tool: "TEAMS" }, WEBHOOK_URL_MESSAGES.TEAMS],
    [
      "an address inside the network",
      { url: "http://127.0.0.1:8080/services/T1/B1/x" },
      WEBHOOK_URL_MESSAGES.SLACK,
    ],
    [
      "the cloud metadata service",
      { url: "http://169.254.169.254/latest/meta-data/" },
      WEBHOOK_URL_MESSAGES.SLACK,
    ],
    ["no URL for a new channel", { url: "" }, "Paste the Slack webhook URL."],
  ])("refuses %s on the URL field, changing nothing", async (_what, fields, message) => {
    const before = await fingerprint();
    const outcome = await run(saveChannelAction, slackForm(fields));
    expect(outcome.kind).toBe("error");
    expect(outcome.kind === "error" && outcome.state.fieldErrors?.url).toEqual([message]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("refuses an unknown tool, an unknown event and an organisation that does not exist", async () => {
    const before = await fingerprint();
    const wrongTool = await run(saveChannelAction, slackForm({ tool: "DISCORD" }));
    expect(wrongTool.kind === "error" && wrongTool.state.fieldErrors?.tool).toEqual([
      "Choose Slack or Microsoft Teams",
    ]);
    const noOrg = await run(saveChannelAction, slackForm({ orgId: "987654" }));
    expect(noOrg.kind === "error" && noOrg.state.message).toBe(
      "That organisation does not exist or is not visible to you.",
    );
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});

describe("who may change channels", () => {
  it("lets admins and leads; refuses everyone else and the signed-out, changing nothing", async () => {
    for (const who of ["admin", "lead"] as const) {
      const outcome = await run(saveChannelAction, slackForm(), w.people[who].id);
      expect(outcome.kind, who).toBe("ok");
    }
    await db.$transaction((tx) =>
      postToChannels(tx, {
        orgId: w.cards.id,
        event: "BELT_AWARDED",
        eventKey: "belt:1",
        title: "t",
        text: "x",
        link: "/belts",
      }),
    );
    const post = await db.channelPost.findFirstOrThrow();
    await db.channelPost.update({ where: { id: post.id }, data: { status: "FAILED" } });
    const target = { orgId: String(w.payments.id), tool: "SLACK" };
    const calls: [ServerAction, Record<string, string>][] = [
      [saveChannelAction, slackForm()],
      [removeChannelAction, target],
      [sendTestMessageAction, target],
      [retryPostAction, { postId: post.id.toString() }],
    ];
    for (const who of ["engineer", "manager", "guardian", "builder"] as const)
      for (const [action, fields] of calls) {
        const before = await fingerprint();
        expect(await run(action, fields, w.people[who].id)).toEqual({
          kind: "error",
          state: { status: "error", message: "You do not have permission to do that." },
        });
        expect(changedTables(before, await fingerprint())).toEqual([]);
      }
    actAs(null);
    for (const [action, fields] of calls)
      expect(await invoke(action, formData(fields))).toEqual({
        kind: "error",
        state: { status: "error", message: "Your session has ended. Sign in again." },
      });
    const manager = (await loadActor(w.people.manager.id))!;
    await expect(channelOrgs(manager)).rejects.toThrow("You do not have permission");
    await expect(recentPosts(manager, w.payments.id, 1)).rejects.toThrow(
      "You do not have permission",
    );
  });

  it("answers a channel or post that does not exist as not found", async () => {
    const gone = { orgId: String(w.retail.id), tool: "TEAMS" };
    for (const [action, fields] of [
      [removeChannelAction, gone],
      [sendTestMessageAction, gone],
      [retryPostAction, { postId: "9223372036854775807" }],
    ] as const) {
      const outcome = await run(action, fields);
      expect(outcome.kind === "error" && outcome.state.message).toMatch(
        /does not exist or is not visible to you\.$/,
      );
    }
    const tooBig = await run(retryPostAction, { postId: "9223372036854775808" });
    expect(tooBig.kind === "error" && tooBig.state.fieldErrors?.postId).toEqual([
      "Choose a post from the list",
    ]);
  });
});

describe("the URL is a secret", () => {
  it("never comes out in clear: not in the audit log, the page's data or a backup", async () => {
    await run(saveChannelAction, slackForm());
    await run(saveChannelAction, slackForm({ url: SLACK_2 }));
    await run(
      saveChannelAction,
      slackForm({ tool: "TEAMS", url: TEAMS, orgId: String(w.cards.id) }),
    );
    await run(removeChannelAction, { orgId: String(w.cards.id), tool: "TEAMS" });
    const secrets = [SLACK, TOKEN, SLACK_2, "NewTokenFromSlack", TEAMS, "TeamsTok3n", "B0SECRET2"];

    const audit = await db.auditLog.findMany({
      where: { entity: "ChannelWebhook" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "create", "delete"]);
    expect(audit[1]).toMatchObject({
      before: { urlHint: "hooks.slack.com/…/AbC9" },
      after: { urlHint: "hooks.slack.com/…/Xy77" },
    });
    const auditText = JSON.stringify(audit, bigints);
    for (const s of secrets) expect(auditText).not.toContain(s);
    expect(auditText).not.toContain("urlEncrypted");

    const lead = (await loadActor(w.people.lead.id))!;
    const pageData = JSON.stringify(
      [
        await channelOrgs(lead),
        await orgChannels(lead, w.payments.id),
        await orgChannels(lead, w.cards.id),
        await recentPosts(lead, w.payments.id, 1),
      ],
      bigints,
    );
    expect(pageData).toContain("hooks.slack.com/…/Xy77");
    for (const s of [...secrets, "v1."]) expect(pageData).not.toContain(s);

    const dir = await mkdtemp(path.join(tmpdir(), "guardians-channels-"));
    folders.push(dir);
    await withClient(process.env.DATABASE_URL!, (c) => exportAll(c, dir, { passwords: true }));
    const files = await readdir(dir);
    expect(files).toContain("program.json");
    for (const file of files) {
      const text = await readFile(path.join(dir, file), "utf8");
      for (const s of secrets) expect(text, file).not.toContain(s);
    }
  });

  it("shows a parent's channels on a sub-org, since they hear about its events", async () => {
    await run(saveChannelAction, slackForm());
    const lead = (await loadActor(w.people.lead.id))!;
    const cards = await orgChannels(lead, w.cards.id);
    expect(cards.own).toEqual([]);
    expect(cards.inherited).toEqual([
      expect.objectContaining({
        orgName: "Payments",
        tool: "SLACK",
        urlHint: "hooks.slack.com/…/AbC9",
      }),
    ]);
    const orgs = await channelOrgs(lead);
    expect(orgs.map((o) => [o.name, o.depth, o.tools])).toEqual([
      ["Payments", 0, ["SLACK"]],
      ["Cards", 1, []],
      ["Retail", 0, []],
    ]);
  });

  it("removes a channel with its posts; the audit log keeps its hint", async () => {
    await run(saveChannelAction, slackForm());
    await db.$transaction((tx) =>
      postToChannels(tx, {
        orgId: w.payments.id,
        event: "OVER_RISK_BUDGET",
        eventKey: "risk:1",
        title: "t",
        text: "x",
        link: "/dashboard",
      }),
    );
    const removed = await run(removeChannelAction, { orgId: String(w.payments.id), tool: "SLACK" });
    expect(removed).toEqual({
      kind: "redirect",
      to: `/program/channels?org=${w.payments.id}&removed=SLACK`,
    });
    expect(await db.channelWebhook.count()).toBe(0);
    expect(await db.channelPost.count()).toBe(0);
    const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({
      action: "delete",
      entity: "ChannelWebhook",
      orgId: w.payments.id,
      before: { tool: "SLACK", urlHint: "hooks.slack.com/…/AbC9" },
      after: null,
    });
  });
});
