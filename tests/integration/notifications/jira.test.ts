import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/jira/webhook/route";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { jiraSignature } from "@/lib/jira/config";
import { completeReview, startReview } from "@/lib/server/reviews/service";
import { createOrg, createTeam, createUser } from "../../factories";
import { startJiraStandIn } from "../../support/jira-stand-in";
import { jobsIn, waitFor, workerWorld } from "./queue-helpers";

// Jira: the signed webhook requests a review; the review's status changes go back to the issue
// as comments through the real queue, to a local HTTP server standing in for Jira.
const SECRET = "jira-shared-secret-for-tests";
const workers = workerWorld(startJiraStandIn);

beforeAll(() => {
  process.env.JIRA_WEBHOOK_SECRET = SECRET;
  process.env.JIRA_BASE_URL = workers.sink.url;
  process.env.JIRA_API_TOKEN = "jira-token";
  process.env.JIRA_USER_EMAIL = "bot@example.com";
  process.env.JIRA_ALLOW_HOSTS = "127.0.0.1";
});

const event = (key = "SEC-42", over: Record<string, unknown> = {}) => ({
  timestamp: Date.now(),
  webhookEvent: "jira:issue_created",
  issue: {
    id: "10042",
    key,
    self: "https://acme.atlassian.net/rest/api/2/issue/10042",
    fields: { summary: "Review the payouts API" },
  },
  ...over,
});

let deliveries = 0;
function deliver(
  body: unknown,
  opts: { team?: string; id?: string; secret?: string; raw?: string } = {},
) {
  const text = opts.raw ?? JSON.stringify(body);
  return POST(
    new Request(`http://localhost:3000/api/jira/webhook?team=${opts.team ?? ""}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature": jiraSignature(opts.secret ?? SECRET, text),
        "x-atlassian-webhook-identifier": opts.id ?? `delivery-${++deliveries}`,
      },
      body: text,
    }),
  );
}

async function world() {
  const org = await createOrg();
  const team = await createTeam(org.id);
  await createUser(["SECURITY_ENGINEER"]);
  const engineer = (await loadActor((await createUser(["SECURITY_ENGINEER"])).id))!;
  return { team, engineer };
}

const nothingChanged = async () => {
  expect(await db.review.count()).toBe(0);
  expect(await db.jiraIssueLink.count()).toBe(0);
  expect(await db.auditLog.count()).toBe(0);
};

describe("Jira", () => {
  it("a signed delivery requests a review linked to the issue; its status changes go back as comments", async () => {
    const { team, engineer } = await world();
    const res = await deliver(event(), { team: team.key, id: "d-1" });
    expect(res.status).toBe(201);
    const answer = await res.json();
    expect(answer).toMatchObject({ status: "created", issue: "SEC-42" });
    const review = await db.review.findUniqueOrThrow({
      where: { key: answer.review },
      include: { jiraLink: true },
    });
    expect(review).toMatchObject({
      teamId: team.id,
      service: "Review the payouts API",
      requestedById: null,
    });
    expect(review.jiraLink).toMatchObject({
      issueKey: "SEC-42",
      issueUrl: `${workers.sink.url}/browse/SEC-42`,
    });
    expect(
      await db.auditLog.count({
        where: { action: "request-from-jira", entityId: String(review.id) },
      }),
    ).toBe(1);
    // Security engineers hear of it as of any request.
    expect(await db.notification.count({ where: { kind: "REVIEW_REQUESTED" } })).toBe(2);

    // The same delivery again (a replay): ignored, nothing more.
    const replay = await deliver(event(), { team: team.key, id: "d-1" });
    expect(await replay.json()).toMatchObject({ status: "ignored", reason: "replay" });
    // The same issue in a new delivery: still one review.
    const again = await deliver(event(), { team: team.key });
    expect(await again.json()).toMatchObject({ status: "ignored", reason: "exists" });
    expect(await db.review.count()).toBe(1);

    await startReview(engineer, { reviewId: review.id, securityEngineerId: engineer.id });
    await completeReview(engineer, { reviewId: review.id, outcome: "APPROVED" });
    await workers.work({ mailer: null });
    await waitFor(async () => (await db.jiraComment.count({ where: { status: "SENT" } })) === 3);
    const posted = workers.sink.requests();
    expect(posted.map((r) => [r.method, r.path])).toEqual(
      Array.from({ length: 3 }, () => ["POST", "/rest/api/2/issue/SEC-42/comment"]),
    );
    expect(posted[0].authorization).toBe(
      `Basic ${Buffer.from("bot@example.com:jira-token").toString("base64")}`,
    );
    const bodies = posted.map((r) => (r.body as { body: string }).body).sort();
    expect(bodies).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Security review ${review.key} \\(Review the payouts API\\) has started; .+ runs it\\.\\nhttp.*/reviews/${review.id}$`,
        ),
      ),
      expect.stringMatching(/is complete: Approved\./),
      expect.stringMatching(/was requested from this issue\./),
    ]);
    expect((await jobsIn("jira-comment")).every((j) => j.state === "completed")).toBe(true);
  });

  it("a comment Jira cannot take now is retried by the queue until it is posted", async () => {
    const { team, engineer } = await world();
    const { review } = await (await deliver(event("OPS-7"), { team: team.key })).json();
    const id = (await db.review.findUniqueOrThrow({ where: { key: review } })).id;
    workers.sink.failNext(1, 503);
    await workers.work({ mailer: null });
    await waitFor(async () => (await db.jiraComment.findFirst())?.attempts === 1);
    expect(await db.jiraComment.findFirstOrThrow()).toMatchObject({
      status: "PENDING",
      lastError: expect.stringMatching(/^Jira answered 503/),
    });
    await waitFor(async () => (await jobsIn("jira-comment"))[0]?.state === "retry");
    // pg-boss waits retryDelay before the retry: bring it forward instead of waiting 30 s.
    await db.$executeRawUnsafe(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'jira-comment'`,
    );
    await waitFor(async () => (await db.jiraComment.findFirst())?.status === "SENT", 20_000);
    expect(await db.jiraComment.findFirstOrThrow()).toMatchObject({ attempts: 2, lastError: null });
    // A refusal for good (404: the issue is gone) is not retried.
    await startReview(engineer, { reviewId: id, securityEngineerId: engineer.id });
    workers.sink.failNext(1, 404);
    await waitFor(
      async () =>
        (await db.jiraComment.findFirst({ where: { eventKey: "started" } }))?.status === "FAILED",
    );
  });

  it("refuses a wrong signature, an old or malformed event and an unknown team, changing nothing", async () => {
    const { team } = await world();
    const wrong = await deliver(event(), { team: team.key, secret: "not-the-secret" });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({
      code: "forbidden",
      error: "The signature does not match: check the webhook's secret in Jira.",
    });
    const old = await deliver(event("SEC-1", { timestamp: Date.now() - 10 * 60_000 }), {
      team: team.key,
    });
    expect(old.status).toBe(400);
    expect((await old.json()).error).toMatch(/more than 5 minutes from now: refused as a replay/);
    const malformed = await deliver(null, { team: team.key, raw: '{"timestamp": 1,\n "issue": ' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatch(
      /^The event is not valid JSON \(line 2, column 11\)/,
    );
    const badKey = await deliver(event("not a key"), { team: team.key });
    expect(badKey.status).toBe(422);
    expect((await badKey.json()).issues[0]).toMatchObject({
      message: "The issue key must look like PROJ-123",
    });
    const noTeam = await deliver(event(), { team: "no-such-team" });
    expect(noTeam.status).toBe(422);
    expect((await noTeam.json()).error).toBe(
      'No team has the key "no-such-team": check ?team= on the webhook\'s URL.',
    );
    await nothingChanged();
    expect(await db.jiraDelivery.count()).toBe(0);
  });

  it("other events are acknowledged and ignored; without a Jira site nothing is posted back", async () => {
    const { team, engineer } = await world();
    const updated = await deliver(event("SEC-9", { webhookEvent: "jira:issue_updated" }), {
      team: team.key,
    });
    expect(await updated.json()).toMatchObject({ status: "ignored", reason: "event" });
    await nothingChanged();
    const base = process.env.JIRA_BASE_URL;
    delete process.env.JIRA_BASE_URL;
    try {
      const { review } = await (await deliver(event("SEC-10"), { team: team.key })).json();
      const id = (await db.review.findUniqueOrThrow({ where: { key: review } })).id;
      await startReview(engineer, { reviewId: id, securityEngineerId: engineer.id });
      expect(await db.jiraComment.count()).toBe(0);
      expect(await jobsIn("jira-comment")).toEqual([]);
    } finally {
      process.env.JIRA_BASE_URL = base;
    }
  });
});
