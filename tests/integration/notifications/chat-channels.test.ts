import { describe, expect, it } from "vitest";
import { loadActor, type SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { slackPayload, teamsPayload } from "@/lib/notifications/chat-messages";
import { saveChannel, sendTestMessage } from "@/lib/server/channels/service";

import { deliverChannelPost } from "@/lib/server/notifications/channel-post";
import { postToChannels } from "@/lib/server/notifications/channels";
import { createOrg, createUser } from "../../factories";

import { startChatSink } from "../../support/chat-sink";
import { jobsIn, waitFor, workerWorld } from "./queue-helpers";

// Slack and Teams posts through the real queue (pg-boss on the test database) to a local HTTP
// server standing in for both tools' incoming webhooks.
process.env.CHAT_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";

const workers = workerWorld(startChatSink);

const work = () => workers.work({ mailer: null });

const SLACK_PATH = "/services/T0001/B0001/slackSecret1234";
const TEAMS_PATH = "/teams/webhookb2/teamsSecret5678";

async function world() {
  const parent = await createOrg({ name: "Payments" });
  const org = await createOrg({ name: "Payments / Cards", parentId: parent.id });
  const lead = (await loadActor((await createUser(["LEAD"])).id))!;
  return { parent, org, lead };
}

async function connect(lead: SessionActor, orgId: number, tool: "SLACK" | "TEAMS", path: string) {
  return saveChannel(lead, {
    orgId,
    tool,
    url: workers.sink.url(path),
    events: ["BELT_AWARDED", "COVERAGE_ALERT"],
  });
}

const beltEvent = (orgId: number, key = "belt:1") => ({
  orgId,
  event: "BELT_AWARDED" as const,
  eventKey: key,
  title: "Ada Lovelace earned the Green belt",
  text: "Payments / Cards now has a Green-belt guardian.",
  link: "/belts",
});

const postRow = () => db.channelPost.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("posting through the queue", () => {
  it("delivers a queued post once to each channel, as Block Kit and as an Adaptive Card", async () => {
    const { parent, org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    await connect(lead, parent.id, "TEAMS", TEAMS_PATH); // the parent org hears about its sub-orgs
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    await work();
    await waitFor(async () => (await db.channelPost.count({ where: { status: "SENT" } })) === 2);

    const message = {
      title: "Ada Lovelace earned the Green belt",
      text: "Payments / Cards now has a Green-belt guardian.",
      url: "http://localhost:3000/belts",
    };
    const [slack] = workers.sink.posts(SLACK_PATH);
    expect(slack.contentType).toMatch(/^application\/json/);
    expect(slack.body).toEqual(slackPayload(message));
    expect(workers.sink.posts(TEAMS_PATH).map((p) => p.body)).toEqual([teamsPayload(message)]);
    const rows = await db.channelPost.findMany();
    for (const row of rows)
      expect(row).toMatchObject({
        status: "SENT",
        attempts: 1,
        lastError: null,
        sentAt: expect.any(Date),
      });

    // The same event again queues nothing; a stray second job for a sent post posts nothing.
    expect(await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)))).toBe(0);
    const { enqueueNow } = await import("@/lib/server/jobs/queue");
    await enqueueNow([{ name: "channel-post", data: { postId: rows[0].id.toString() } }]);
    await waitFor(async () => (await jobsIn("channel-post")).every((j) => j.state === "completed"));
    expect(workers.sink.posts()).toHaveLength(2);
  });

  it("records a failure, leaves the job to pg-boss's retry, and delivers once when it comes", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    workers.sink.failNext(1, 503, { body: "service unavailable" });
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    await work();
    await waitFor(async () => (await jobsIn("channel-post"))[0]?.state === "retry");
    expect(await postRow()).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "Slack answered 503: service unavailable",
      sentAt: null,
    });

    // The backoff brought forward, as the clock would.
    await workers.stop();
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now() WHERE state = 'retry'`);
    await work();
    await waitFor(async () => (await postRow()).status === "SENT");
    await waitFor(async () => (await jobsIn("channel-post"))[0]?.state === "completed");
    expect(await postRow()).toMatchObject({ attempts: 2, lastError: null });
    expect(workers.sink.posts(SLACK_PATH).map((p) => p.status)).toEqual([503, 200]);
  });

  it("settles a request the tool refuses for good as failed, without retrying; Retry starts again", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    workers.sink.failNext(1, 404, { body: "no_service" });
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    await work();
    await waitFor(async () => (await jobsIn("channel-post"))[0]?.state === "completed");
    const failed = await postRow();
    expect(failed).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "Slack answered 404: no_service",
    });

    const { retryPost } = await import("@/lib/server/channels/service");
    await retryPost(lead, failed.id);
    await waitFor(async () => (await postRow()).status === "SENT");
    expect((await postRow()).attempts).toBe(2);
    expect(workers.sink.posts(SLACK_PATH).map((p) => p.status)).toEqual([404, 200]);
    const [audit] = await db.auditLog.findMany({ where: { entity: "ChannelPost" } });
    expect(audit).toMatchObject({ action: "retry", before: { status: "FAILED", attempts: 1 } });
  });

  it("gives up after the queue's last retry, and counts from a Retry's start after that", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "TEAMS", TEAMS_PATH);
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    const post = await postRow();
    await db.channelPost.update({ where: { id: post.id }, data: { attempts: 6 } });
    workers.sink.failNext(2, 429);
    expect(await deliverChannelPost(post.id)).toMatchObject({ outcome: "failed", retry: true });
    expect(await postRow()).toMatchObject({ status: "FAILED", attempts: 7 });
    // A lead's Retry begins a new run: the next failure waits for the queue again.
    expect(await deliverChannelPost(post.id, { base: 7 })).toMatchObject({ retry: true });
    expect(await postRow()).toMatchObject({ status: "PENDING", attempts: 8 });
  });

  it("takes a Teams connector's throttling answer inside a 200 as a failure to retry", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "TEAMS", TEAMS_PATH);
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    workers.sink.failNext(1, 200, {
      body: "Microsoft Teams endpoint returned HTTP error 429 with ContextId x",
    });
    const result = await deliverChannelPost((await postRow()).id);
    expect(result).toMatchObject({ outcome: "failed", retry: true });
    expect((await postRow()).lastError).toMatch(/^Microsoft Teams answered 429: /);
  });

  it("gives up on a channel that does not answer within the timeout, to try again later", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    workers.sink.stallNext(1);
    const result = await deliverChannelPost((await postRow()).id, { timeoutMs: 300 });
    expect(result).toEqual({
      outcome: "failed",
      retry: true,
      error: "Slack could not be reached: no answer within 0.3 s",
    });
    expect(await postRow()).toMatchObject({ status: "PENDING", attempts: 1 });
  });

  it("posts once when two workers take the same post at the same moment", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id)));
    const id = (await postRow()).id;
    const results = await Promise.all([deliverChannelPost(id), deliverChannelPost(id)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["sent", "skipped"]);
    expect(workers.sink.posts()).toHaveLength(1);
  });

  it("refuses, without posting, a saved URL it can no longer open or no longer allows", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id, "a")));
    await db.$transaction((tx) => postToChannels(tx, beltEvent(org.id, "b")));
    const [first, second] = await db.channelPost.findMany({ orderBy: { id: "asc" } });

    process.env.CHAT_WEBHOOK_ALLOW_HOSTS = "";
    try {
      expect(await deliverChannelPost(first.id)).toMatchObject({ outcome: "failed", retry: false });
    } finally {
      process.env.CHAT_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    }
    const secret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-another-secret-another-1";
    try {
      expect(await deliverChannelPost(second.id)).toMatchObject({
        outcome: "failed",
        retry: false,
      });
    } finally {
      process.env.NEXTAUTH_SECRET = secret;
    }
    const rows = await db.channelPost.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ["FAILED", "The saved URL is not a Slack webhook address"],
      [
        "FAILED",
        "The saved Slack URL cannot be read (was the app's secret changed?): save it again",
      ],
    ]);
    expect(workers.sink.posts()).toEqual([]);
  });
});

describe("the test message", () => {
  it("posts at once and answers how it went; its fallback job then finds nothing to do", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "SLACK", SLACK_PATH);
    expect(await sendTestMessage(lead, { orgId: org.id, tool: "SLACK" })).toEqual({
      outcome: "sent",
    });
    const [post] = workers.sink.posts(SLACK_PATH);
    const body = post.body as ReturnType<typeof slackPayload>;
    expect(body.text).toMatch(/^Test message from Guardians: Person \d+ checked that this channel/);
    expect(body.text).toContain("It posts: Belt awarded, Coverage alert.");
    expect(JSON.stringify(body.blocks[1])).toContain(
      `<http://localhost:3000/program/channels?org=${org.id}|Open in Guardians>`,
    );
    expect(await postRow()).toMatchObject({
      event: null,
      eventKey: null,
      status: "SENT",
      attempts: 1,
    });

    const [job] = await jobsIn("channel-post");
    expect(job).toMatchObject({
      state: "created",
      data: { postId: expect.any(String), onlyPending: true },
    });
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now()`);
    await work();
    await waitFor(async () => (await jobsIn("channel-post"))[0]?.state === "completed");
    expect(workers.sink.posts()).toHaveLength(1);
  });

  it("says why a test failed; a refusal is not retried, a failure to reach is", async () => {
    const { org, lead } = await world();
    await connect(lead, org.id, "TEAMS", TEAMS_PATH);
    workers.sink.failNext(1, 400, { body: "Bad payload received by generic incoming webhook." });
    expect(await sendTestMessage(lead, { orgId: org.id, tool: "TEAMS" })).toEqual({
      outcome: "failed",
      retry: false,
      error: "Microsoft Teams answered 400: Bad payload received by generic incoming webhook.",
    });
    expect(await postRow()).toMatchObject({ status: "FAILED" });

    workers.sink.failNext(1, 502);
    const retrying = await sendTestMessage(lead, { orgId: org.id, tool: "TEAMS" });
    expect(retrying).toMatchObject({ outcome: "failed", retry: true });
    expect(await postRow()).toMatchObject({ status: "PENDING", attempts: 1 });
    // Its fallback job, when due, tries again.
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now()`);
    await work();
    await waitFor(async () => (await postRow()).status === "SENT");
    expect(await db.channelPost.count({ where: { status: "FAILED" } })).toBe(1);
  });
});
