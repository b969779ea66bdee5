// Request dates, engineer assignment, finding dates, team lookup by name or key, and the
// list's period by requested or completed date.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { FieldError } from "@/lib/server/errors";
import { listReviews } from "@/lib/server/reviews/queries";
import {
  addFinding,
  requestReview,
  setFindingStatus,
  startReview,
} from "@/lib/server/reviews/service";
import { AMBIGUOUS_TEAM, UNKNOWN_TEAM, findTeam, teamChoices } from "@/lib/server/teams/lookup";
import { findingSchema, findingStatusSchema, requestReviewSchema } from "@/lib/validations/review";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { daysAgo } from "./action-harness";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamA = await createTeam(orgA.id, { name: "Ledger Core" });
  const teamB = await createTeam(orgB.id, { name: "Retail Web" });
  const load = async (id: number) => (await loadActor(id))!;
  const engineerUser = await createUser(["SECURITY_ENGINEER"]);
  return {
    orgA,
    orgB,
    teamA,
    teamB,
    engineerUser,
    guardian: await load((await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA.id })).id),
    builderB: await load((await createUser(["BUILDER"], { orgId: orgB.id, teamId: teamB.id })).id),
    engineer: await load(engineerUser.id),
    lead: await load((await createUser(["LEAD"])).id),
  };
}

const fieldOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof FieldError ? [e.field, e.fieldMessage] : e),
  );

describe("requesting a review", () => {
  it("keeps the requested date, defaults to today, refuses a future date and writes nothing then", async () => {
    const w = await world();
    const past = await requestReview(
      w.guardian,
      requestReviewSchema.parse({
        team: "ledger core",
        service: "Cards API",
        requestedOn: daysAgo(10),
      }),
    );
    expect(past.requestedAt.toISOString().slice(0, 10)).toBe(daysAgo(10));
    const today = await requestReview(
      w.guardian,
      requestReviewSchema.parse({ team: w.teamA.key, service: "Vault", requestedOn: "" }),
    );
    expect(today.requestedAt.toISOString().slice(0, 10)).toBe(daysAgo(0));
    const future = requestReviewSchema.safeParse({
      team: w.teamA.key,
      service: "Vault",
      requestedOn: daysAgo(-1),
    });
    expect(future.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["requestedOn", "The request date cannot be in the future"],
    ]);
    expect(
      await fieldOf(
        requestReview(w.guardian, {
          team: w.teamA.key,
          service: "Vault",
          requestedOn: daysAgo(-1),
        }),
      ),
    ).toEqual(["requestedOn", "The request date cannot be in the future."]);
    expect(await db.review.count()).toBe(2);
  });

  it("finds the team by key or name within the caller's organisations; another org's team answers as unknown", async () => {
    const w = await world();
    expect((await findTeam(w.guardian, "review.request", "LEDGER CORE")).id).toBe(w.teamA.id);
    expect((await findTeam(w.guardian, "review.request", w.teamA.key)).id).toBe(w.teamA.id);
    expect(await fieldOf(findTeam(w.guardian, "review.request", "Retail Web"))).toEqual([
      "team",
      UNKNOWN_TEAM,
    ]);
    expect(await fieldOf(findTeam(w.guardian, "review.request", w.teamB.key))).toEqual([
      "team",
      UNKNOWN_TEAM,
    ]);
    expect(await fieldOf(findTeam(w.guardian, "review.request", "No such team"))).toEqual([
      "team",
      UNKNOWN_TEAM,
    ]);
    for (const pattern of ["%", "Ledger_Core", "team-%", "ledger%"])
      expect(await fieldOf(findTeam(w.lead, "review.request", pattern)), pattern).toEqual([
        "team",
        UNKNOWN_TEAM,
      ]);
    await expect(
      requestReview(w.builderB, { team: w.teamA.key, service: "Cards API" }),
    ).rejects.toThrow("That team does not exist or is not visible to you.");
    expect(await db.review.count()).toBe(0);
  });

  it("asks for the key when two visible teams share a name, and suggests keys for those", async () => {
    const w = await world();
    const twin = await createTeam(w.orgB.id, { name: "Ledger Core" });
    expect(await fieldOf(findTeam(w.lead, "review.request", "Ledger Core"))).toEqual([
      "team",
      AMBIGUOUS_TEAM,
    ]);
    expect((await findTeam(w.lead, "review.request", twin.key)).id).toBe(twin.id);
    // the twin is not visible to them
    expect((await findTeam(w.guardian, "review.request", "Ledger Core")).id).toBe(w.teamA.id);
    const leadChoices = await teamChoices(w.lead, "review.read");
    expect(leadChoices.map((c) => c.value).sort()).toEqual(
      [w.teamA.key, twin.key, "Retail Web"].sort(),
    );
    expect((await teamChoices(w.guardian, "review.read")).map((c) => c.value)).toEqual([
      "Ledger Core",
    ]);
  });
});

describe("starting a review", () => {
  it("assigns the engineer the lead picks; an engineer defaults to themselves; a non-engineer cannot be picked", async () => {
    const w = await world();
    const a = await requestReview(w.guardian, { team: w.teamA.key, service: "Cards API" });
    const b = await requestReview(w.guardian, { team: w.teamA.key, service: "Vault" });
    expect(await fieldOf(startReview(w.lead, { reviewId: a.id }))).toEqual([
      "securityEngineerId",
      "Choose the security engineer who runs the review.",
    ]);
    expect(
      await fieldOf(startReview(w.lead, { reviewId: a.id, securityEngineerId: w.guardian.id })),
    ).toEqual(["securityEngineerId", "Choose a security engineer from the list."]);
    expect((await db.review.findUniqueOrThrow({ where: { id: a.id } })).startedAt).toBeNull();
    await startReview(w.lead, { reviewId: a.id, securityEngineerId: w.engineer.id });
    await startReview(w.engineer, { reviewId: b.id });
    const started = await db.review.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: {
        securityEngineerId: true,
        startedAt: true,
        participants: { select: { userId: true } },
      },
    });
    expect(started.map((r) => [r.securityEngineerId, r.participants.map((p) => p.userId)])).toEqual(
      [
        [w.engineer.id, [w.engineer.id]],
        [w.engineer.id, [w.engineer.id]],
      ],
    );
    expect(started.every((r) => r.startedAt)).toBe(true);
    await db.user.update({ where: { id: w.engineerUser.id }, data: { deactivatedAt: new Date() } });
    const c = await requestReview(w.guardian, { team: w.teamA.key, service: "Ledger" });
    expect(
      await fieldOf(startReview(w.lead, { reviewId: c.id, securityEngineerId: w.engineer.id })),
    ).toEqual(["securityEngineerId", "Choose a security engineer from the list."]);
  });
});

describe("finding dates", () => {
  it("records the opened date, requires a closing date that is neither future nor before the opening", async () => {
    const w = await world();
    const review = await requestReview(w.guardian, { team: w.teamA.key, service: "Cards API" });
    const f = await addFinding(
      w.engineer,
      findingSchema.parse({
        reviewId: String(review.id),
        title: "IDOR on lookup",
        severity: "HIGH",
        openedOn: daysAgo(5),
      }),
    );
    expect(f.openedOn.toISOString().slice(0, 10)).toBe(daysAgo(5));
    expect(
      findingSchema.safeParse({
        reviewId: "1",
        title: "IDOR on lookup",
        severity: "HIGH",
        openedOn: daysAgo(-1),
      }).error?.issues[0].path,
    ).toEqual(["openedOn"]);
    const post = (over: Record<string, string>) =>
      findingStatusSchema.safeParse({
        reviewId: String(review.id),
        findingId: String(f.id),
        status: "MITIGATED",
        closedOn: daysAgo(1),
        ...over,
      });
    expect(post({ closedOn: "" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["closedOn", "Enter the date it was closed"],
    ]);
    expect(post({ closedOn: daysAgo(-1) }).error?.issues.map((i) => i.path.join("."))).toEqual([
      "closedOn",
    ]);
    expect(post({ status: "OPEN", closedOn: "" }).success).toBe(true);
    expect(
      await fieldOf(setFindingStatus(w.engineer, post({ closedOn: daysAgo(6) }).data!)),
    ).toEqual(["closedOn", `A finding cannot close before it was opened (${daysAgo(5)}).`]);
    expect((await db.finding.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("OPEN");
    await setFindingStatus(w.engineer, post({ closedOn: daysAgo(2) }).data!);
    const closed = await db.finding.findUniqueOrThrow({ where: { id: f.id } });
    expect([closed.status, closed.closedOn?.toISOString().slice(0, 10)]).toEqual([
      "MITIGATED",
      daysAgo(2),
    ]);
    // The service keeps the rule for any caller: no date on an open finding, one on a closed one.
    expect(
      await fieldOf(
        setFindingStatus(w.engineer, { findingId: f.id, status: "OPEN", closedOn: daysAgo(1) }),
      ),
    ).toEqual(["closedOn", "An open finding has no closing date"]);
    expect(
      await fieldOf(setFindingStatus(w.engineer, { findingId: f.id, status: "ACCEPTED" })),
    ).toEqual(["closedOn", "Enter the date it was closed"]);
    expect((await db.finding.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("MITIGATED");
    expect(post({ status: "OPEN", closedOn: daysAgo(1) }).success).toBe(false);
    await setFindingStatus(w.engineer, post({ status: "OPEN", closedOn: "" }).data!);
    const reopened = await db.finding.findUniqueOrThrow({ where: { id: f.id } });
    expect([reopened.status, reopened.closedOn]).toEqual(["OPEN", null]);
  });
});

describe("the review list's period", () => {
  it("applies to the completed date by default, or to the requested date", async () => {
    const w = await world();
    const make = (key: string, requestedAt: string, completedAt: string | null) =>
      db.review.create({
        data: {
          key,
          teamId: w.teamA.id,
          service: key,
          requestedAt: new Date(requestedAt),
          startedAt: completedAt ? new Date(requestedAt) : null,
          completedAt: completedAt ? new Date(completedAt) : null,
        },
      });
    await make("REV-000001", "2025-12-20T09:00:00Z", "2026-01-10T09:00:00Z"); // requested Q4, completed Q1
    await make("REV-000002", "2026-02-01T09:00:00Z", null); // requested Q1, still open
    await make("REV-000003", "2026-03-31T23:59:59Z", "2026-04-01T00:00:00Z"); // requested Q1, completed Q2
    const keys = async (f: Parameters<typeof listReviews>[1]) =>
      (await listReviews(w.lead, f, 1)).rows.map((r) => r.key).sort();
    expect(await keys({ period: "2026-Q1" })).toEqual(["REV-000001"]);
    expect(await keys({ period: "2026-Q1", periodOf: "completed" })).toEqual(["REV-000001"]);
    expect(await keys({ period: "2026-Q1", periodOf: "requested" })).toEqual([
      "REV-000002",
      "REV-000003",
    ]);
    expect(await keys({ period: "2026-Q1", periodOf: "requested", status: "open" })).toEqual([
      "REV-000002",
    ]);
    expect(await keys({ period: "2025-Q4", periodOf: "requested" })).toEqual(["REV-000001"]);
    expect(await keys({ period: "2026-Q1", periodOf: "requested", team: -1 })).toEqual([]);
  });
});
