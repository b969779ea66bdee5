// The ownership fast track on real PostgreSQL (docs/fast-track.md): the lead's policy, a
// guardian's fast track and its refusals, spot checks (pass, fail: sent back and suspended),
// and every other path that completes a review: the ordinary completion and the import.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getMetrics } from "@/app/api/metrics/[family]/route";
import { loadActor, type SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { quarterKey, quarterOf } from "@/lib/period";
import type { Belt, TeamProfile } from "@/lib/vocabulary";
import { saveFastTrackPolicy } from "@/lib/server/fast-track/policies";
import {
  fastTrackReview,
  liftFastTrackSuspension,
  spotCheckFastTrack,
} from "@/lib/server/fast-track/service";
import * as fastTrackActions from "@/lib/server/fast-track/actions";
import { spotChecksWaiting } from "@/lib/server/fast-track/queries";
import * as reviewActions from "@/lib/server/reviews/actions";
import { completeReview, requestReview, startReview } from "@/lib/server/reviews/service";
import { previewImport } from "@/lib/server/transfer/service";
import {
  FAST_TRACKED_ROW,
  NO_ENGINEER_ROW,
} from "@/lib/server/transfer/spreadsheet/review-completion";
import { fastTrackPolicySchema, spotCheckSchema } from "@/lib/validations/fast-track";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs, changedTables, fingerprint, formData, invoke } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

beforeEach(async () => {
  await resetDatabase();
});

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const load = async (id: number) => (await loadActor(id))!;
const LOW = [
  "low-risk",
  "low-risk",
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
];
const QUESTIONS = "No new external endpoint\nNo new personal data";

async function guardianOf(
  team: { id: number; orgId: number },
  belt: Belt | null,
  expiresOn?: Date,
) {
  const user = await createUser(["GUARDIAN"], { orgId: team.orgId, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: user.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: day("2025-01-01"),
      activeOn: day("2025-01-02"),
    },
  });
  if (belt)
    await db.beltAward.create({
      data: { userId: user.id, belt, awardedOn: day("2025-06-01"), expiresOn, evidence: {} },
    });
  return load(user.id);
}

async function world(profile: TeamProfile = "QUICK_WINS") {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamA = await createTeam(orgA.id);
  const teamA2 = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  await db.team.updateMany({ data: { profile } });
  const lead = await load((await createUser(["LEAD"])).id);
  const engineer = await load((await createUser(["SECURITY_ENGINEER"])).id);
  const engineer2 = await load((await createUser(["SECURITY_ENGINEER"])).id);
  return {
    orgA,
    teamA,
    teamA2,
    teamB,
    lead,
    engineer,
    engineer2,
    guardian: await guardianOf(teamA, "GREEN"),
    guardianB: await guardianOf(teamB, "BLACK"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function policy(w: World, over: Record<string, string> = {}) {
  return saveFastTrackPolicy(
    w.lead,
    fastTrackPolicySchema.parse({
      appliesTo: "profile",
      teamProfile: "QUICK_WINS",
      minBelt: "GREEN",
      spotCheckPercent: "100",
      checklist: QUESTIONS,
      enabled: "on",
      ...over,
    }),
  );
}

const request = (actor: SessionActor, team: { key: string }, service = "Cards API") =>
  requestReview(actor, { team: team.key, service });
const fastTrack = (actor: SessionActor, reviewId: number, answers = LOW) =>
  fastTrackReview(actor, { reviewId, answers: answers as never });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: Error) => e.message,
  );

/** Runs `act` and checks it was refused and wrote nothing. */
async function refusedUnchanged(act: () => Promise<unknown>) {
  const before = await fingerprint();
  const message = await refusal(act());
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return message;
}

describe("the lead's policy", () => {
  it("is saved per team profile or team, audited, and keeps its seed across edits", async () => {
    const w = await world();
    const { policy: first, created } = await policy(w);
    expect(created).toBe(true);
    const { policy: edited } = await policy(w, { spotCheckPercent: "25", minBelt: "BLACK" });
    expect(edited.id).toBe(first.id);
    expect(edited.seed).toBe(first.seed);
    expect([edited.spotCheckPercent, edited.minBelt]).toEqual([25, "BLACK"]);
    const team = await policy(w, { appliesTo: "team", team: w.teamA.key, teamProfile: "" });
    expect(team.policy.teamId).toBe(w.teamA.id);
    const audits = await db.auditLog.findMany({
      where: { entity: "FastTrackPolicy" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.orgId])).toEqual([
      ["create", null],
      ["update", null],
      ["create", w.orgA.id],
    ]);
  });

  it("is refused to guardians and security engineers, and bad input changes nothing", async () => {
    const w = await world();
    const input = fastTrackPolicySchema.parse({
      appliesTo: "profile",
      teamProfile: "QUICK_WINS",
      minBelt: "GREEN",
      spotCheckPercent: "10",
      checklist: QUESTIONS,
    });
    for (const actor of [w.guardian, w.engineer])
      expect(await refusedUnchanged(() => saveFastTrackPolicy(actor, input))).toMatch(/permission/);
    const bad = fastTrackPolicySchema.safeParse({
      appliesTo: "team",
      minBelt: "PURPLE",
      spotCheckPercent: "101",
      checklist: "\n \n",
    });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "checklist",
      "minBelt",
      "spotCheckPercent",
    ]);
  });
});

describe("a guardian's fast track", () => {
  it("completes an eligible review as approved, records the answers and the draw, and audits it", async () => {
    const w = await world();
    await policy(w);
    const review = await request(w.guardian, w.teamA);
    const { review: after, fastTrack: ft } = await fastTrack(w.guardian, review.id);
    expect(after.completedAt).not.toBeNull();
    expect(after.outcome).toBe("APPROVED");
    expect(after.securityEngineerId).toBeNull();
    expect(ft.sampled).toBe(true); // 100 %
    expect(ft.answers).toEqual([
      { question: "No new external endpoint", lowRisk: true },
      { question: "No new personal data", lowRisk: true },
    ]);
    const participants = await db.reviewParticipant.findMany({ where: { reviewId: review.id } });
    expect(participants.map((p) => p.userId)).toEqual([w.guardian.id]);
    const audit = await db.auditLog.findFirst({ where: { action: "fast-track" } });
    expect([audit?.entity, audit?.entityId, audit?.actorId, audit?.orgId]).toEqual([
      "Review",
      String(review.id),
      w.guardian.id,
      w.orgA.id,
    ]);
    // A second submit finds it completed.
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toBe(
      "This review is already completed.",
    );
  });

  it("refuses, writing nothing: no policy, policy off, not the team's guardian, low belt, expired belt, a risky answer, a started review, another org's review", async () => {
    const w = await world();
    const review = await request(w.guardian, w.teamA);
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(/not offered/);
    await policy(w, { enabled: "" });
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(/switched off/);
    await policy(w);
    // A team's own policy wins over its profile's.
    await policy(w, { appliesTo: "team", team: w.teamA.key, teamProfile: "", enabled: "" });
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(/switched off/);
    await policy(w, { appliesTo: "team", team: w.teamA.key, teamProfile: "", minBelt: "BLACK" });
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(
      /valid Black belt or higher/,
    );
    await policy(w, { appliesTo: "team", team: w.teamA.key, teamProfile: "" });
    const other = await request(w.guardian, w.teamA2);
    expect(await refusedUnchanged(() => fastTrack(w.guardian, other.id))).toMatch(
      /active guardian of the reviewed team/,
    );
    const expired = await guardianOf(w.teamA, "GREEN", day("2025-12-01"));
    expect(await refusedUnchanged(() => fastTrack(expired, review.id))).toMatch(/Green belt/);
    const risky = [...LOW];
    risky[1] = "not-low-risk";
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id, risky))).toMatch(
      /checklist/,
    );
    const unanswered = [...LOW];
    unanswered[0] = undefined;
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id, unanswered))).toMatch(
      /checklist/,
    );
    const foreign = await request(w.guardianB, w.teamB);
    expect(await refusedUnchanged(() => fastTrack(w.guardian, foreign.id))).toMatch(
      /does not exist or is not visible/,
    );
    expect(await refusedUnchanged(() => fastTrack(w.engineer, review.id))).toMatch(/permission/);
    await startReview(w.engineer, { reviewId: review.id });
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(
      /security engineer has started/,
    );
  });
});

describe("spot checks", () => {
  const check = (actor: SessionActor, reviewId: number, fields: Record<string, string>) =>
    spotCheckFastTrack(actor, spotCheckSchema.parse({ reviewId: String(reviewId), ...fields }));

  it("a pass is recorded with its engineer and date, once", async () => {
    const w = await world();
    await policy(w);
    const review = await request(w.guardian, w.teamA);
    await fastTrack(w.guardian, review.id);
    expect(await spotChecksWaiting(w.engineer)).toBe(1); // the engineer's home
    expect(await spotChecksWaiting(w.guardian)).toBe(0);
    const passed = await check(w.engineer, review.id, { outcome: "PASSED" });
    expect(await spotChecksWaiting(w.engineer)).toBe(0);
    expect([passed.spotCheckOutcome, passed.spotCheckedById]).toEqual(["PASSED", w.engineer.id]);
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).completedAt).not.toBe(
      null,
    );
    expect(
      await refusedUnchanged(() => check(w.engineer2, review.id, { outcome: "PASSED" })),
    ).toMatch(/already been spot-checked/);
    expect(
      await db.auditLog.count({ where: { entity: "FastTrack", action: "spot-check-pass" } }),
    ).toBe(1);
  });

  it("a fail sends the review back and can suspend the guardian, until a lead lifts it", async () => {
    const w = await world();
    await policy(w);
    const review = await request(w.guardian, w.teamA);
    await fastTrack(w.guardian, review.id);
    await check(w.engineer, review.id, {
      outcome: "FAILED",
      note: "Adds a public upload endpoint",
      suspend: "on",
    });
    const back = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect([back.completedAt, back.outcome, back.startedAt]).toEqual([null, null, null]);
    const suspension = await db.fastTrackSuspension.findFirstOrThrow();
    expect([suspension.guardianId, suspension.liftedAt]).toEqual([w.guardian.id, null]);
    expect(
      (await db.auditLog.findMany({ where: { entityId: { in: [String(review.id)] } } })).map(
        (a) => a.action,
      ),
    ).toContain("send-back");
    // The sent-back review is not fast-tracked again: a security engineer completes it.
    expect(await refusedUnchanged(() => fastTrack(w.guardian, review.id))).toMatch(
      /spot check sent this review back/,
    );
    await startReview(w.engineer, { reviewId: review.id });
    const done = await completeReview(w.engineer, { reviewId: review.id, outcome: "APPROVED" });
    expect(done.completedAt).not.toBeNull();
    // Suspended: no fast track on a new review either.
    const next = await request(w.guardian, w.teamA, "Ledger");
    expect(await refusedUnchanged(() => fastTrack(w.guardian, next.id))).toMatch(/suspended/);
    expect(
      await refusedUnchanged(() => liftFastTrackSuspension(w.engineer, suspension.id)),
    ).toMatch(/permission/);
    await liftFastTrackSuspension(w.lead, suspension.id);
    expect((await fastTrack(w.guardian, next.id)).review.outcome).toBe("APPROVED");
  });

  it("refuses a review not drawn, a guardian, another org's engineer scope, a fail without a note", async () => {
    const w = await world();
    await policy(w, { spotCheckPercent: "0" });
    const review = await request(w.guardian, w.teamA);
    expect((await fastTrack(w.guardian, review.id)).fastTrack.sampled).toBe(false);
    expect(
      await refusedUnchanged(() => check(w.engineer, review.id, { outcome: "PASSED" })),
    ).toMatch(/not drawn/);
    expect(
      await refusedUnchanged(() => check(w.guardian, review.id, { outcome: "PASSED" })),
    ).toMatch(/permission/);
    expect(await refusedUnchanged(() => check(w.engineer, 999_999, { outcome: "PASSED" }))).toMatch(
      /does not exist/,
    );
    expect(
      spotCheckSchema.safeParse({ reviewId: String(review.id), outcome: "FAILED", note: "" }).error
        ?.issues[0].path,
    ).toEqual(["note"]);
  });
});

describe("every path that completes a review", () => {
  it("the forms: the fast-track action obeys the rule, the ordinary completion refuses a fast-tracked review", async () => {
    const w = await world();
    await policy(w);
    const review = await request(w.guardian, w.teamA);
    actAs(w.guardian.id);
    const before = await fingerprint();
    const risky = await invoke(
      fastTrackActions.fastTrackReviewAction,
      formData({ reviewId: String(review.id), q0: "low-risk", q1: "not-low-risk" }),
    );
    expect(risky.kind).toBe("error");
    expect(changedTables(before, await fingerprint())).toEqual([]);
    const ok = await invoke(
      fastTrackActions.fastTrackReviewAction,
      formData({ reviewId: String(review.id), q0: "low-risk", q1: "low-risk" }),
    );
    expect(ok.kind).toBe("ok");
    actAs(w.engineer.id);
    const again = await invoke(
      reviewActions.completeReviewAction,
      formData({ reviewId: String(review.id), outcome: "CHANGES_REQUIRED" }),
    );
    expect(again.kind === "error" && again.state.message).toMatch(/already completed/);
    // A builder or manager has no fast track at all.
    const builder = await createUser(["BUILDER"], { orgId: w.orgA.id, teamId: w.teamA.id });
    actAs(builder.id);
    const refused = await invoke(
      fastTrackActions.fastTrackReviewAction,
      formData({ reviewId: String(review.id), q0: "low-risk", q1: "low-risk" }),
    );
    expect(refused.kind === "error" && refused.state.message).toMatch(/permission/);
  });

  it("the import: a fast-tracked review's completion does not change, and no review completes without an engineer", async () => {
    const w = await world();
    await policy(w);
    const tracked = await request(w.guardian, w.teamA, "Tracked");
    await fastTrack(w.guardian, tracked.id);
    const open = await request(w.guardian, w.teamA, "Open");
    const engineerEmail = (await db.user.findUniqueOrThrow({ where: { id: w.engineer.id } })).email;
    const csv = (rows: string[]) => [
      {
        name: "reviews.csv",
        content: new TextEncoder().encode(
          [
            "review_id,team,service,requested_at,completed_at,security_engineer_email",
            ...rows,
          ].join("\n") + "\n",
        ),
      },
    ];
    const iso = (d: Date) => d.toISOString();
    const t = await db.review.findUniqueOrThrow({ where: { id: tracked.id } });
    const o = await db.review.findUniqueOrThrow({ where: { id: open.id } });
    const row = (r: typeof t, completed: string, engineer: string) =>
      `${r.key},${w.teamA.key},${r.service},${iso(r.requestedAt)},${completed},${engineer}`;
    const issues = async (rows: string[]) =>
      (await previewImport(w.lead, csv(rows))).errors.map((e) => [e.line, e.column, e.message]);
    // Unchanged rows pass (an export re-imported changes nothing).
    expect(await issues([row(t, iso(t.completedAt!), ""), row(o, "", "")])).toEqual([]);
    expect(await issues([row(t, "", "")])).toEqual([[2, "completed_at", FAST_TRACKED_ROW]]);
    expect(await issues([row(t, iso(t.completedAt!), engineerEmail)])).toEqual([
      [2, "security_engineer_email", FAST_TRACKED_ROW],
    ]);
    expect(await issues([row(o, iso(new Date()), "")])).toEqual([
      [2, "completed_at", NO_ENGINEER_ROW],
    ]);
    expect(await issues([row(o, iso(new Date()), engineerEmail)])).toEqual([]);
  });
});

describe("the reviews dashboard's fast-tracked group", () => {
  it("counts reviews completed through the fast track (not those sent back), their cycle time and the spot checks' pass rate, in the CSV", async () => {
    const w = await world();
    await policy(w); // every fast track drawn
    const ids: number[] = [];
    for (const service of ["Passed", "Failed", "Waiting"]) {
      const r = await request(w.guardian, w.teamA, service);
      await fastTrack(w.guardian, r.id);
      ids.push(r.id);
    }
    const check = (id: number, outcome: string) =>
      spotCheckFastTrack(
        w.engineer,
        spotCheckSchema.parse({ reviewId: String(id), outcome, note: "Checked the diff" }),
      );
    await check(ids[0], "PASSED");
    await check(ids[1], "FAILED");
    // Requested 2 and 3 days before their fast track: a cycle time of 2.5 days on average.
    for (const [id, back] of [
      [ids[0], 2],
      [ids[2], 3],
    ])
      await db.$executeRaw`UPDATE "Review" SET "requestedAt" = "completedAt" - make_interval(days => ${back}) WHERE id = ${id}`;
    actAs(w.lead.id);
    const response = await getMetrics(new Request("http://localhost/api/metrics/reviews"), {
      params: Promise.resolve({ family: "reviews" }),
    });
    expect(response.status).toBe(200);
    const quarter = quarterKey(quarterOf(new Date()));
    const rows = (await response.text()).trim().split("\n");
    // metric, filter, quarter, value, unit (a label may hold a comma: read the quoted cells).
    const value = (metric: string) =>
      rows
        .map((l) => /^"(.*?)","(.*?)","(.*?)",([^,]*),/.exec(l))
        .find((m) => m?.[1] === metric && m[3] === quarter)?.[4];
    expect(value("Fast-tracked reviews")).toBe("2");
    expect(value("Reviews completed")).toBe("2"); // they count as completed reviews too
    expect(value("Spot checks recorded")).toBe("2");
    expect(value("Spot-check pass rate")).toBe("50.0000");
    expect(value("Mean cycle time, fast-tracked")).toBe("2.5000");
    expect(value("Median cycle time, fast-tracked")).toBe("2.5000");
  });
});
