// What the review, release and threat-model forms get back: each refusal on the field it is
// about (shown beside it), nothing written; success as usual.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as releases from "@/lib/server/releases/actions";
import * as reviews from "@/lib/server/reviews/actions";
import * as threatModels from "@/lib/server/threat-models/actions";
import { UNKNOWN_TEAM } from "@/lib/server/teams/lookup";
import { resetDatabase } from "../setup/db";
import {
  actAs,
  buildWorld,
  changedTables,
  daysAgo,
  fingerprint,
  formData,
  invoke,
  type ServerAction,
  type World,
} from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

let w: World;
beforeAll(async () => {
  await resetDatabase();
  w = await buildWorld();
});

/** The field errors of a refused post; fails if it was not refused or wrote anything. */
async function refusal(action: ServerAction, fields: Record<string, string>) {
  const before = await fingerprint();
  const outcome = await invoke(action, formData(fields));
  expect(outcome.kind, JSON.stringify(outcome)).toBe("error");
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return outcome.kind === "error" ? (outcome.state.fieldErrors ?? {}) : {};
}

describe("field errors come back on their fields", () => {
  it("request a review: unknown or foreign team on the team field, a future date on the date field", async () => {
    actAs(w.users.guardianA.id);
    expect(
      await refusal(reviews.requestReviewAction, {
        team: w.B.team.name,
        service: "Refunds API",
        requestedOn: daysAgo(1),
      }),
    ).toEqual({ team: [UNKNOWN_TEAM] });
    expect(
      await refusal(reviews.requestReviewAction, {
        team: w.A.team.name,
        service: "Refunds API",
        requestedOn: daysAgo(-1),
      }),
    ).toEqual({ requestedOn: ["The request date cannot be in the future"] });
    expect(await refusal(reviews.requestReviewAction, { team: "", service: "x" })).toEqual({
      team: ["Choose a team"],
      service: ["Name the service or feature"],
    });
    const ok = await invoke(
      reviews.requestReviewAction,
      formData({ team: w.A.team.key, service: "Refunds API", requestedOn: daysAgo(1) }),
    );
    expect(ok.kind).toBe("redirect");
  });

  it("start a review: a lead must choose the engineer", async () => {
    actAs(w.users.lead.id);
    expect(
      await refusal(reviews.startReviewAction, {
        reviewId: String(w.reviews.requested.id),
        securityEngineerId: "",
      }),
    ).toEqual({ securityEngineerId: ["Choose the security engineer who runs the review."] });
    expect(
      await refusal(reviews.startReviewAction, {
        reviewId: String(w.reviews.requested.id),
        securityEngineerId: String(w.users.guardianA.id),
      }),
    ).toEqual({ securityEngineerId: ["Choose a security engineer from the list."] });
  });

  it("finding status: a closing date is required, not before the opening, not in the future", async () => {
    actAs(w.users.securityEngineer.id);
    const post = (closedOn: string) => ({
      reviewId: String(w.reviews.started.id),
      findingId: String(w.finding.id),
      status: "MITIGATED",
      closedOn,
    });
    expect(await refusal(reviews.findingStatusAction, post(""))).toEqual({
      closedOn: ["Enter the date it was closed"],
    });
    expect(await refusal(reviews.findingStatusAction, post(daysAgo(-1)))).toEqual({
      closedOn: ["The closing date cannot be in the future"],
    });
    expect(await refusal(reviews.findingStatusAction, post(daysAgo(-2)))).toEqual({
      closedOn: ["Enter a date no later than tomorrow"],
    });
    expect(await refusal(reviews.findingStatusAction, post(daysAgo(100)))).toEqual({
      closedOn: [`A finding cannot close before it was opened (${daysAgo(78)}).`],
    });
    expect(
      await refusal(reviews.findingStatusAction, { ...post(daysAgo(1)), status: "OPEN" }),
    ).toEqual({ closedOn: ["An open finding has no closing date"] });
  });

  it("a rating: none chosen is refused on the rating field, and nothing is saved", async () => {
    actAs(w.users.securityEngineer.id);
    const post = {
      reviewId: String(w.reviews.completed.id),
      guardianId: String(w.users.guardianA.id),
    };
    const message = ["Choose a rating from 1 to 5"];
    expect(await refusal(reviews.rateGuardianAction, { ...post, rating: "" })).toEqual({
      rating: message,
    });
    expect(await refusal(reviews.rateGuardianAction, post)).toEqual({ rating: message });
    expect(await refusal(reviews.rateGuardianAction, { ...post, rating: "6" })).toEqual({
      rating: message,
    });
  });

  it("releases and threat models: the review key and the team on their fields", async () => {
    actAs(w.users.guardianA.id);
    const edit = {
      id: String(w.release.id),
      name: "Cards v1",
      startedOn: daysAgo(60),
      releasedOn: daysAgo(1),
      reviewKey: "REV-NOPE",
    };
    expect(await refusal(releases.updateReleaseAction, edit)).toEqual({
      reviewKey: ["This team has no review with that key (e.g. REV-000123)."],
    });
    expect(
      await refusal(releases.updateReleaseAction, { ...edit, releasedOn: daysAgo(61) }),
    ).toEqual({ releasedOn: ["A feature cannot be released before it started"] });
    expect(
      await refusal(releases.createReleaseAction, {
        team: "nobody's team",
        name: "Cards v2",
        startedOn: daysAgo(3),
      }),
    ).toEqual({ team: [UNKNOWN_TEAM] });
    expect(
      await refusal(threatModels.createThreatModelAction, {
        team: w.B.team.key,
        system: "Refund engine",
      }),
    ).toEqual({ team: [UNKNOWN_TEAM] });
  });
});
