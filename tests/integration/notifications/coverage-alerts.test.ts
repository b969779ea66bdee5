import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { evaluateCoverageAlerts } from "@/lib/server/notifications/alerts";
import { createOrg, createTeam, createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { at, channel, finding, guard, logHours } from "./program-fixture";
import { clearQueue, jobsIn } from "./queue-helpers";

// The daily coverage and succession alerts on the real database, the clock injected. Windows
// (docs/scheduled-notifications.md): on 1 March 2026 the last 30 days start on 31 January and
// the last 60 days on 1 January.
beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

async function program() {
  const parent = await createOrg({ name: "Engineering" });
  const org = await createOrg({ name: "Payments org", parentId: parent.id });
  const lead = await createUser(["LEAD"]);
  const admin = await createUser(["ADMIN"]);
  const manager = await createUser(["MANAGER"], { orgId: org.id });
  const team = (name: string, joinedOn = "2025-01-01") =>
    createTeam(org.id, { name, joinedOn: new Date(joinedOn) });
  const guardian = () => createUser(["GUARDIAN"], { orgId: org.id });
  return { parent, org, lead, admin, manager, team, guardian };
}

const open = async () =>
  (
    await db.coverageAlert.findMany({
      where: { closedAt: null },
      orderBy: [{ teamId: "asc" }, { kind: "asc" }],
      include: { team: { select: { name: true } } },
    })
  ).map((a) => `${a.team.name}: ${a.kind}`);

describe("coverage and succession alerts", () => {
  it("raises each kind for the teams in that condition, and none for teams that are fine", async () => {
    const p = await program();
    const left = await p.team("Left");
    await guard((await p.guardian()).id, left.id, "2025-01-01", "2026-02-20");
    const quiet = await p.team("Quiet");
    const q = await p.guardian();
    await guard(q.id, quiet.id, "2025-06-01");
    await logHours(q.id, "2025-12-31", 2); // the day before the 60-day window
    const busy = await p.team("Busy");
    const b = await p.guardian();
    await guard(b.id, busy.id, "2025-06-01");
    await logHours(b.id, "2026-01-01", 1); // the window's first day
    const pair = await p.team("Two quiet guardians");
    await guard((await p.guardian()).id, pair.id, "2025-06-01");
    await guard((await p.guardian()).id, pair.id, "2025-06-01");
    await p.team("Never guarded", "2026-01-31"); // 30 days without a guardian on 1 March
    await p.team("Joined lately", "2026-02-01"); // 29 days
    const newGuardian = await p.team("New guardian");
    await guard((await p.guardian()).id, newGuardian.id, "2026-01-03"); // active under 60 days
    const over = await p.team("Over budget");
    await guard(b.id, over.id, "2025-06-01");
    await finding(over.id, "CRITICAL", "2026-01-10");
    await finding(over.id, "CRITICAL", "2026-02-10");
    await finding(over.id, "HIGH", "2026-02-11");
    await finding(over.id, "HIGH", "2026-01-01", "2026-02-01"); // mitigated: not open
    const atBudget = await p.team("At budget");
    await guard(b.id, atBudget.id, "2025-06-01");
    await finding(atBudget.id, "CRITICAL", "2026-01-10");
    await finding(atBudget.id, "CRITICAL", "2026-01-11");

    expect(await evaluateCoverageAlerts(at("2026-03-01"))).toEqual({
      holding: 4,
      raised: 4,
      closed: 0,
    });
    expect(await open()).toEqual([
      "Left: ONLY_GUARDIAN_LEFT",
      "Quiet: GUARDIAN_QUIET",
      "Never guarded: NO_GUARDIAN",
      "Over budget: OVER_RISK_BUDGET",
    ]);
    const alerts = await db.coverageAlert.findMany({ orderBy: { teamId: "asc" } });
    expect(alerts.map((a) => a.detail)).toEqual([
      expect.stringMatching(/^Person \d+, its only active guardian, left on 20 Feb 2026\./),
      expect.stringMatching(
        /^Person \d+, its only active guardian, last logged hours on 31 Dec 2025\.$/,
      ),
      "It has never had an active guardian.",
      "Its open findings and unmitigated threats weigh 25 points against a budget of 20.",
    ]);
    expect(alerts.every((a) => a.raisedAt.getTime() === at("2026-03-01").getTime())).toBe(true);
  });

  it("raises an alert once across runs, notifying the leads and the channels only when it is new", async () => {
    const p = await program();
    const gone = await createUser(["LEAD"]);
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const left = await p.team("Left");
    await guard((await p.guardian()).id, left.id, "2025-01-01", "2026-02-20");
    const over = await p.team("Over budget");
    await guard((await p.guardian()).id, over.id, "2026-02-01");
    await finding(over.id, "CRITICAL", "2026-01-10");
    await finding(over.id, "CRITICAL", "2026-01-10");
    await finding(over.id, "LOW", "2026-01-10");
    const orgChannel = await channel(p.org.id, ["COVERAGE_ALERT"]);
    const parentChannel = await channel(p.parent.id, ["OVER_RISK_BUDGET", "BELT_AWARDED"]);

    await evaluateCoverageAlerts(at("2026-03-01"));
    const [leftAlert, overAlert] = await db.coverageAlert.findMany({ orderBy: { teamId: "asc" } });
    // Ordered by alert, then person: the lead was created before the admin.
    const notes = await db.notification.findMany({
      orderBy: [{ eventKey: "asc" }, { userId: "asc" }],
    });
    expect(notes.map((n) => [n.userId, n.kind, n.eventKey, n.link, n.title])).toEqual([
      [
        p.lead.id,
        "COVERAGE_ALERT",
        `alert:${leftAlert.id}`,
        `/directory/teams/${left.id}`,
        "Left has lost its last active guardian",
      ],
      [
        p.admin.id,
        "COVERAGE_ALERT",
        `alert:${leftAlert.id}`,
        `/directory/teams/${left.id}`,
        "Left has lost its last active guardian",
      ],
      [
        p.lead.id,
        "COVERAGE_ALERT",
        `alert:${overAlert.id}`,
        `/directory/teams/${over.id}`,
        "Over budget is over its risk budget",
      ],
      [
        p.admin.id,
        "COVERAGE_ALERT",
        `alert:${overAlert.id}`,
        `/directory/teams/${over.id}`,
        "Over budget is over its risk budget",
      ],
    ]);
    // Coverage alerts come in the daily digest by default: no immediate email.
    expect(notes.every((n) => n.emailId === null && n.emailedAt === null)).toBe(true);
    const posts = await db.channelPost.findMany({ orderBy: { id: "asc" } });
    expect(posts.map((c) => [c.webhookId, c.event, c.eventKey, c.link, c.text])).toEqual([
      [
        orgChannel.id,
        "COVERAGE_ALERT",
        `alert:${leftAlert.id}`,
        `/directory/teams/${left.id}`,
        leftAlert.detail,
      ],
      [
        parentChannel.id,
        "OVER_RISK_BUDGET",
        `alert:${overAlert.id}`,
        `/directory/teams/${over.id}`,
        "Its open findings and unmitigated threats weigh 21 points against a budget of 20.",
      ],
    ]);
    expect(await jobsIn("channel-post")).toHaveLength(2);

    expect(await evaluateCoverageAlerts(at("2026-03-02"))).toEqual({
      holding: 2,
      raised: 0,
      closed: 0,
    });
    expect(await db.coverageAlert.count()).toBe(2);
    expect(await db.notification.count()).toBe(4);
    expect(await db.channelPost.count()).toBe(2);
    expect(await jobsIn("channel-post")).toHaveLength(2);
  });

  it("closes an alert when its condition clears, and raises a new one when it comes back", async () => {
    const p = await program();
    const left = await p.team("Left");
    await guard((await p.guardian()).id, left.id, "2025-01-01", "2026-02-20");
    const quiet = await p.team("Quiet");
    const q = await p.guardian();
    await guard(q.id, quiet.id, "2025-06-01");
    await logHours(q.id, "2026-02-10", 1, true); // deleted: still quiet
    const none = await p.team("Never guarded");
    const over = await p.team("Over budget");
    const busy = await p.guardian();
    await guard(busy.id, over.id, "2025-06-01");
    await logHours(busy.id, "2026-02-10", 1);
    const critical = await finding(over.id, "CRITICAL", "2026-01-10");
    await finding(over.id, "CRITICAL", "2026-01-10");
    await finding(over.id, "LOW", "2026-01-10");
    await evaluateCoverageAlerts(at("2026-03-01"));
    expect(await open()).toEqual([
      "Left: ONLY_GUARDIAN_LEFT",
      "Quiet: GUARDIAN_QUIET",
      "Never guarded: NO_GUARDIAN",
      "Over budget: OVER_RISK_BUDGET",
    ]);
    const first = await db.coverageAlert.findMany({ orderBy: { id: "asc" } });

    // A new guardian for "Left" and "Never guarded", hours from the quiet one, a fix.
    const successor = await p.guardian();
    await guard(successor.id, left.id, "2026-03-02");
    await guard(successor.id, none.id, "2026-03-02");
    await logHours(q.id, "2026-03-01", 1);
    await db.finding.update({
      where: { id: critical.id },
      data: { status: "MITIGATED", closedOn: new Date("2026-03-02") },
    });
    const run = at("2026-03-02");
    expect(await evaluateCoverageAlerts(run)).toEqual({ holding: 0, raised: 0, closed: 4 });
    expect(await open()).toEqual([]);
    for (const a of await db.coverageAlert.findMany()) expect(a.closedAt).toEqual(run);

    // The successor steps down, the finding is reopened as a new one: new alerts, new notices.
    await db.guardianMembership.updateMany({
      where: { userId: successor.id, teamId: left.id },
      data: { status: "ALUMNI", leftOn: new Date("2026-03-05") },
    });
    await finding(over.id, "CRITICAL", "2026-03-05");
    expect(await evaluateCoverageAlerts(at("2026-03-06"))).toMatchObject({ raised: 2 });
    expect(await open()).toEqual(["Left: ONLY_GUARDIAN_LEFT", "Over budget: OVER_RISK_BUDGET"]);
    const again = await db.coverageAlert.findMany({ where: { closedAt: null } });
    expect(again.map((a) => a.id).some((id) => first.some((f) => f.id === id))).toBe(false);
    const keys = (await db.notification.findMany({ where: { userId: p.lead.id } })).map(
      (n) => n.eventKey,
    );
    expect(keys.sort()).toEqual([...first, ...again].map((a) => `alert:${a.id}`).sort());
  });

  it("hands a team that lost its guardian from 'only guardian left' to 'no guardian' after 30 days", async () => {
    const p = await program();
    const team = await p.team("Left");
    const g = await p.guardian();
    await guard(g.id, team.id, "2025-01-01", "2026-02-20");
    await logHours(g.id, "2026-02-10", 1);
    await evaluateCoverageAlerts(at("2026-02-20"));
    expect(await open()).toEqual([]); // still active on the day they leave
    await evaluateCoverageAlerts(at("2026-02-21"));
    expect(await open()).toEqual(["Left: ONLY_GUARDIAN_LEFT"]);
    await evaluateCoverageAlerts(at("2026-03-21")); // 29 days without
    expect(await open()).toEqual(["Left: ONLY_GUARDIAN_LEFT"]);
    await evaluateCoverageAlerts(at("2026-03-22")); // 30 days without
    expect(await open()).toEqual(["Left: NO_GUARDIAN"]);
    const none = await db.coverageAlert.findFirstOrThrow({ where: { kind: "NO_GUARDIAN" } });
    expect(none.detail).toBe("Its last active guardian left on 20 Feb 2026.");
  });

  it("names every guardian who left on the last day, and stays quiet while another guardian remains", async () => {
    const p = await program();
    const both = await p.team("Both left");
    const [a, b] = [await p.guardian(), await p.guardian()];
    await guard(a.id, both.id, "2025-01-01", "2026-02-25");
    await guard(b.id, both.id, "2025-03-01", "2026-02-25");
    const one = await p.team("One of two left");
    await guard(a.id, one.id, "2025-01-01", "2026-02-25");
    await guard(b.id, one.id, "2025-01-01");
    await logHours(b.id, "2026-02-26", 1);
    await evaluateCoverageAlerts(at("2026-03-01"));
    const alerts = await db.coverageAlert.findMany();
    expect(alerts.map((x) => [x.teamId, x.kind, x.detail])).toEqual([
      [
        both.id,
        "ONLY_GUARDIAN_LEFT",
        `${a.name} and ${b.name}, its last active guardians, left on 25 Feb 2026. Nobody guards the team now.`,
      ],
    ]);
  });

  it("announces a run's many new alerts as one summary to the leads and one post per channel event", async () => {
    const p = await program();
    const other = await createOrg({ name: "Logistics org" });
    // Seven unguarded teams in Payments (over the one-by-one limit), two in Logistics.
    for (let i = 1; i <= 7; i++) await p.team(`Unguarded ${i}`, "2025-06-01");
    for (let i = 1; i <= 2; i++)
      await createTeam(other.id, { name: `Logistics ${i}`, joinedOn: new Date("2025-06-01") });
    await channel(p.parent.id, ["COVERAGE_ALERT"]);
    await channel(other.id, ["COVERAGE_ALERT"]);
    expect(await evaluateCoverageAlerts(at("2026-03-01"))).toMatchObject({ raised: 9 });
    const toLead = await db.notification.findMany({ where: { userId: p.lead.id } });
    expect(toLead).toHaveLength(1);
    expect(toLead[0]).toMatchObject({ title: "9 new coverage alerts", link: "/alerts" });
    expect(toLead[0].body.split("\n")).toHaveLength(6); // five titles, then "…and 4 more"
    expect(toLead[0].body).toMatch(/…and 4 more: every open alert is on the Alerts page\.$/);
    const posts = await db.channelPost.findMany({
      include: { webhook: { select: { orgId: true } } },
      orderBy: { id: "asc" },
    });
    // Payments' seven reach the parent org's channel as one summary; Logistics' two one by one.
    expect(posts.map((x) => [x.webhook.orgId, x.title])).toEqual([
      [p.parent.id, "7 new coverage alerts"],
      [other.id, expect.stringContaining("Logistics 1")],
      [other.id, expect.stringContaining("Logistics 2")],
    ]);
    // The next day nothing new: nothing announced again.
    await evaluateCoverageAlerts(at("2026-03-02"));
    expect(await db.notification.count({ where: { userId: p.lead.id } })).toBe(1);
    expect(await db.channelPost.count()).toBe(3);
  });
});
