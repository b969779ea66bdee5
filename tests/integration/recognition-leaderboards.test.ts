// Recognition without ranking people (docs/decisions/0019): the leaderboards' figures are the
// dashboards' (coverage and reviews with a guardian from the same queries, checked against
// quarterMetrics on the dashboards' fixture), scoped to what the reader may see; a person's own
// standing is a band; hiding oneself leaves the wall, cards, newsletters' awards and others'
// standings, never the team's figures.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orgSubtree } from "@/lib/auth/permissions";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/server/errors";
import { quarterMetrics } from "@/lib/server/metrics/quarter";
import { newsletterFacts } from "@/lib/server/newsletters/facts";
import { getPersonCard } from "@/lib/server/people/card";
import { leaderboards } from "@/lib/server/recognition/leaderboards";
import { wall } from "@/lib/server/recognition/service";
import { ownStanding } from "@/lib/server/recognition/standing";
import { setHiddenFromRecognition } from "@/lib/server/recognition/visibility";
import { orgTree } from "@/lib/server/org-tree";
import { createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { buildDashboardProgram } from "./dashboard-fixture";
import { withoutMetricsStaleness } from "./no-staleness";

const Q3 = { year: 2026, q: 3 as const };
const Q1 = { year: 2026, q: 1 as const };
const d = (s: string) => new Date(`${s}T00:00:00Z`);
let w: Awaited<ReturnType<typeof buildDashboardProgram>>;

beforeAll(async () => {
  await resetDatabase();
  w = await buildDashboardProgram();
  await db.beltAward.createMany({
    data: [
      // g1 (Cards): a first award in Q3, and a renewal in Q3 that is no new belt.
      { userId: w.g1.id, belt: "WHITE", awardedOn: d("2026-07-15"), evidence: {} },
      { userId: w.g1.id, belt: "WHITE", awardedOn: d("2026-09-01"), evidence: {}, renewal: true },
      // g2 (Accounts, active from 15 August): earned as its guardian.
      { userId: w.g2.id, belt: "WHITE", awardedOn: d("2026-09-01"), evidence: {} },
      // gB (Retail): revoked, so not earned.
      {
        userId: w.gB.id,
        belt: "WHITE",
        awardedOn: d("2026-08-01"),
        evidence: {},
        revokedAt: new Date("2026-08-02T00:00:00Z"),
      },
    ],
  });
});

beforeEach(async () => {
  await db.user.updateMany({ data: { hideFromRecognition: false } });
});

describe("leaderboards follow the dashboards' definitions", () => {
  it("ranks the lead's top-level organisations with the dashboards' coverage and reviews with a guardian", async () => {
    const boards = await leaderboards(w.lead, { quarter: Q3, by: "reviews" });
    const tree = await orgTree();
    for (const row of boards.orgs) {
      const m = await quarterMetrics({ orgIds: orgSubtree(tree, [row.id]), teamId: null }, Q3);
      expect(row.coveragePct).toBe(m.people.coveragePct);
      expect(row.coveredTeams).toBe(m.people.coveredTeams);
      expect(row.teams).toBe(m.people.teamsAtEnd);
      expect(row.reviewsWithGuardian).toBe(m.cycle.withGuardian.n);
    }
    expect(
      boards.orgs.map((o) => [o.name, o.rank, o.coveragePct, o.reviewsWithGuardian, o.beltsEarned]),
    ).toEqual([
      // Cards and Accounts (the sub-org's team and the third team join after Q3): R1, R2.
      ["Payments", 1, 100, 2, 2],
      ["Retail", 2, 100, 1, 0],
    ]);
  });

  it("gives each team the dashboard's figures filtered to that team", async () => {
    const boards = await leaderboards(w.lead, { quarter: Q3, by: "reviews" });
    for (const team of boards.teams) {
      const m = await quarterMetrics({ orgIds: null, teamId: team.id }, Q3);
      expect(team.reviewsWithGuardian).toBe(m.cycle.withGuardian.n);
      expect(team.covered).toBe(m.people.coveredTeams === 1);
    }
    const program = await quarterMetrics({ orgIds: null, teamId: null }, Q3);
    expect(boards.teams.filter((t) => t.covered).length).toBe(program.people.coveredTeams);
    expect(boards.teams.length).toBe(program.people.teamsAtEnd);
    expect(boards.teams.map((t) => [t.name, t.rank, t.reviewsWithGuardian, t.beltsEarned])).toEqual(
      [
        ["Cards", 1, 2, 1],
        [w.teamB.name, 2, 1, 0],
        ["Accounts", null, 0, 1], // R4 had no guardian of Accounts: nothing to rank on
      ],
    );
  });

  it("ranks on belts earned: first awards only, credited to the team guarded that day; ties share a rank", async () => {
    const boards = await leaderboards(w.lead, { quarter: Q3, by: "belts" });
    expect(boards.teams.map((t) => [t.name, t.rank])).toEqual([
      ["Accounts", 1],
      ["Cards", 1],
      [w.teamB.name, null],
    ]);
    expect(boards.orgs.map((o) => [o.name, o.rank, o.beltsEarned])).toEqual([
      ["Payments", 1, 2],
      ["Retail", null, 0],
    ]);
  });

  it("answers an empty quarter with teams and organisations unranked, and coverage of no team as not enough data", async () => {
    const boards = await leaderboards(w.lead, { quarter: Q1, by: "coverage" });
    expect(boards.orgs.every((o) => o.rank === null || o.coveragePct !== null)).toBe(true);
    expect(boards.teams.every((t) => t.reviewsWithGuardian === 0 && t.beltsEarned === 0)).toBe(
      true,
    );
    expect(boards.teams.every((t) => t.rank === null)).toBe(true);
    const empty = await leaderboards(w.lead, { quarter: { year: 2024, q: 1 }, by: "coverage" });
    expect(empty.teams).toEqual([]);
    expect(empty.orgs.map((o) => [o.coveragePct, o.rank])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("keeps the team's figures whole when its guardian hides themself", async () => {
    const before = await leaderboards(w.lead, { quarter: Q3, by: "reviews" });
    await setHiddenFromRecognition(w.guardian, true);
    const after = await leaderboards(w.lead, { quarter: Q3, by: "reviews" });
    expect(after.teams).toEqual(before.teams);
    expect(after.orgs).toEqual(before.orgs);
  });
});

describe("leaderboards show only what the reader may see", () => {
  it("shows a manager and a guardian their own organisation only", async () => {
    for (const actor of [w.manager, w.guardian]) {
      const boards = await leaderboards(actor, { quarter: Q3, by: "reviews" });
      expect(boards.orgs.map((o) => o.name)).toEqual(["Payments"]);
      expect(boards.teams.map((t) => t.name).sort()).toEqual(["Accounts", "Cards"]);
    }
  });

  it("answers another organisation as not found, and one's own sub-orgs by level", async () => {
    await expect(
      leaderboards(w.manager, { quarter: Q3, org: w.orgB.id, by: "reviews" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      leaderboards(w.lead, { quarter: Q3, org: 999_999, by: "reviews" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const sub = await leaderboards(w.manager, { quarter: Q3, org: w.orgA.id, by: "reviews" });
    expect(sub.parent?.name).toBe("Payments");
    expect(sub.orgs.map((o) => [o.name, o.teams])).toEqual([["Payments Cards", 0]]);
  });
});

describe("a person's own standing", () => {
  // The quarter's figures are cached like the dashboards' (staleness as documented in README,
  // "Dashboards"); with staleness off, the next read shows every change.
  withoutMetricsStaleness();

  it("is a band among the quarter's guardians, by reviews taken part in as a guardian", async () => {
    // Q3: g1 R1, R2 (as Cards' guardian; R4 was not); gB RB; g2 none.
    const g1 = await ownStanding(w.guardian, Q3);
    const cards = await quarterMetrics({ orgIds: null, teamId: w.teamA1.id }, Q3);
    expect(g1).toEqual({ reviewsWithGuardian: cards.cycle.withGuardian.n, band: "more-than-most" });
    const gB = (await loadActor(w.gB.id))!;
    expect(await ownStanding(gB, Q3)).toEqual({ reviewsWithGuardian: 1, band: "about-as-many" });
    const g2 = (await loadActor(w.g2.id))!;
    expect(await ownStanding(g2, Q3)).toEqual({ reviewsWithGuardian: 0, band: "none-yet" });
  });

  it("leaves out those who hid themselves, and is none for someone who was no guardian", async () => {
    await setHiddenFromRecognition((await loadActor(w.g2.id))!, true);
    const gB = (await loadActor(w.gB.id))!;
    expect(await ownStanding(gB, Q3)).toEqual({ reviewsWithGuardian: 1, band: "fewer-than-most" });
    expect(await ownStanding(w.manager, Q3)).toBeNull();
    expect(await ownStanding(w.guardian, { year: 2020, q: 1 })).toBeNull();
  });
});

describe("hiding oneself from recognition", () => {
  it("takes the person off the wall, off public cards and out of newsletters' awards, and back", async () => {
    const giver = await createUser(["LEAD"]);
    await db.recognition.create({
      data: {
        recipientId: w.gB.id,
        giverId: giver.id,
        kind: "AWARD",
        title: "Shop launch",
        reason: "Threat-modelled the checkout",
        createdAt: new Date("2026-08-10T00:00:00Z"),
      },
    });
    await db.beltAward.create({
      data: { userId: w.gB.id, belt: "YELLOW", awardedOn: d("2026-08-20"), evidence: {} },
    });
    const gB = (await loadActor(w.gB.id))!;
    const onWall = async () => (await wall()).filter((i) => i.person.id === w.gB.id).length;
    expect(await onWall()).toBe(2);
    expect(await getPersonCard(w.manager, w.gB.id)).not.toBeNull();
    const awards = async () => (await newsletterFacts(w.orgB.id, Q3, { fresh: true })).awards;
    expect((await awards()).map((a) => a.title)).toEqual(["Shop launch"]);

    expect(await setHiddenFromRecognition(gB, true)).toEqual({ changed: true });
    expect(await setHiddenFromRecognition(gB, true)).toEqual({ changed: false });
    expect(await onWall()).toBe(0);
    expect(await getPersonCard(w.manager, w.gB.id)).toBeNull(); // org A's manager: not in scope
    expect(await getPersonCard(gB, w.gB.id)).not.toBeNull(); // oneself
    expect(await awards()).toEqual([]);
    const audit = await db.auditLog.findMany({
      where: { action: "user.recognition-visibility", entityId: String(w.gB.id) },
    });
    expect(audit.map((a) => a.after)).toEqual([{ hideFromRecognition: true }]);

    await setHiddenFromRecognition(gB, false);
    expect(await onWall()).toBe(2);
    expect(await awards()).toHaveLength(1);
  });
});
