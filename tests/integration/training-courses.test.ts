// Editing and retiring courses, and required-training completion per organisation (with its
// sub-orgs) and per team.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import {
  changeCourseStatusAction,
  recordCompletionAction,
  saveCourseAction,
} from "@/lib/server/training/actions";
import { completionByOrg, completionByTeam, listCourses } from "@/lib/server/training/queries";
import { quarterPeriod } from "@/lib/metrics/periods";
import { quarterOf } from "@/lib/period";
import { trainingFamily } from "@/lib/server/metrics/families/people";
import { getProfile } from "@/lib/server/people/profile";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs, changedTables, daysAgo, fingerprint, formData, invoke } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const NO_PERMISSION = {
  kind: "error",
  state: { status: "error", message: "You do not have permission to do that." },
};
const day = (d: string) => new Date(`${d}T00:00:00Z`);

beforeEach(async () => {
  await resetDatabase();
});

async function post(action: Parameters<typeof invoke>[0], fields: Record<string, string>) {
  const before = await fingerprint();
  const outcome = await invoke(action, formData(fields));
  return { outcome, changed: changedTables(before, await fingerprint()) };
}

async function guardianIn(teamId: number, orgId: number) {
  const g = await createUser(["GUARDIAN"], { orgId, teamId });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId,
      status: "ACTIVE",
      nominatedOn: day("2025-01-01"),
      activeOn: day("2025-01-01"),
    },
  });
  return g;
}

/** Parent org with a sub-org, a team in each, and another organisation; two required courses. */
async function world() {
  const leaderSub = await createUser(["MANAGER"]);
  const parent = await createOrg({ name: "Payments" });
  const sub = await createOrg({
    name: "Payments / Cards",
    parentId: parent.id,
    leaderId: leaderSub.id,
  });
  const other = await createOrg({ name: "Retail" });
  await db.user.update({ where: { id: leaderSub.id }, data: { orgId: sub.id } });
  const teamParent = await createTeam(parent.id, { name: "Ledger" });
  const teamSub = await createTeam(sub.id, { name: "Cards" });
  const teamOther = await createTeam(other.id, { name: "Checkout" });
  const gParent = await guardianIn(teamParent.id, parent.id);
  const gSub = await guardianIn(teamSub.id, sub.id);
  const gOther = await guardianIn(teamOther.id, other.id);
  const secure = await db.course.create({
    data: { key: "secure-coding", title: "Secure coding", required: true, quarterHours: 8 },
  });
  const secrets = await db.course.create({
    data: { key: "secrets", title: "Secrets management", required: true, quarterHours: 4 },
  });
  const optional = await db.course.create({
    data: { key: "fuzzing", title: "Fuzzing", required: false },
  });
  for (const c of [secure, secrets])
    await db.courseCompletion.create({
      data: { userId: gParent.id, courseId: c.id, completedOn: day("2025-02-01") },
    });
  await db.courseCompletion.create({
    data: { userId: gSub.id, courseId: secure.id, completedOn: day("2025-02-01") },
  });
  const lead = await createUser(["LEAD"]);
  const managerOther = await createUser(["MANAGER"], { orgId: other.id });
  return {
    parent,
    sub,
    other,
    teamParent,
    teamSub,
    teamOther,
    gParent,
    gSub,
    gOther,
    secure,
    secrets,
    optional,
    lead,
    leaderSub,
    managerOther,
  };
}

/** Today's required-training figure of each team (the dashboards' metric 6, per team). */
async function requiredTrainingByTeam() {
  const period = quarterPeriod(quarterOf(new Date()));
  const teams = (
    await trainingFamily({ orgIds: null, teamId: null }, [period], { byTeam: true })
  ).get(period.key)!;
  return new Map([...teams].map(([teamId, t]) => [teamId, t.allRequiredPct]));
}

const course = (over: Record<string, string> = {}) => ({
  id: "",
  title: "Threat modelling basics",
  required: "",
  hours: "2",
  description: "",
  link: "",
  ...over,
});

describe("editing a course", () => {
  it("a lead changes title, hours, required and link; audited with before and after", async () => {
    const w = await world();
    actAs(w.lead.id);
    const { outcome, changed } = await post(
      saveCourseAction,
      course({
        id: String(w.optional.id),
        title: "Fuzzing in CI",
        required: "on",
        hours: "1.5",
        link: "https://example.test/fuzz",
      }),
    );
    expect(outcome).toEqual({ kind: "ok", state: { status: "ok", message: "Course updated." } });
    expect(changed).toEqual(["AuditLog", "Course"]);
    expect(await db.course.findUniqueOrThrow({ where: { id: w.optional.id } })).toMatchObject({
      title: "Fuzzing in CI",
      required: true,
      quarterHours: 6,
      link: "https://example.test/fuzz",
      key: "fuzzing",
    });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entity: "Course", entityId: String(w.optional.id) },
    });
    expect(entry).toMatchObject({
      action: "update",
      before: { title: "Fuzzing", required: false },
      after: { title: "Fuzzing in CI", required: true },
    });
  });

  it("invalid input, a duplicate title's twin key and an unknown course change nothing; managers and guardians are refused", async () => {
    const w = await world();
    actAs(w.lead.id);
    const bad = await post(
      saveCourseAction,
      course({ id: String(w.optional.id), title: "", hours: "0.3", link: "javascript:alert(1)" }),
    );
    expect(bad.outcome).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: {
          title: ["Give the course a title"],
          hours: ["Use quarter-hour steps"],
          link: [expect.any(String)],
        },
      },
    });
    const missing = await post(saveCourseAction, course({ id: "987654" }));
    expect(missing.outcome).toEqual({
      kind: "error",
      state: { status: "error", message: "That course does not exist or is not visible to you." },
    });
    const refused = [];
    for (const who of [w.managerOther, w.leaderSub, w.gSub]) {
      actAs(who.id);
      refused.push(await post(saveCourseAction, course({ id: String(w.optional.id) })));
    }
    expect(refused.map((r) => r.outcome)).toEqual([NO_PERMISSION, NO_PERMISSION, NO_PERMISSION]);
    expect([bad, missing, ...refused].flatMap((r) => r.changed)).toEqual([]);
  });
});

describe("retiring a course", () => {
  it("hides it from the completion form, keeps its completions in history, and stops it counting as required", async () => {
    const w = await world();
    // Yellow here needs White and every required course: gSub lacks only Secrets management.
    await db.beltRule.create({
      data: {
        belt: "YELLOW",
        conditions: [{ type: "previous-belt" }, { type: "required-courses" }],
      },
    });
    for (const g of [w.gParent, w.gSub])
      await db.beltAward.create({
        data: { userId: g.id, belt: "WHITE", awardedOn: day("2025-01-02"), evidence: { rule: [] } },
      });
    await db.beltAward.create({
      data: {
        userId: w.gParent.id,
        belt: "YELLOW",
        awardedOn: day("2025-03-01"),
        evidence: { rule: [] },
      },
    });
    await db.courseCompletion.create({
      data: { userId: w.gOther.id, courseId: w.secrets.id, completedOn: day("2025-02-01") },
    });
    actAs(w.lead.id);
    const { outcome, changed } = await post(changeCourseStatusAction, {
      id: String(w.secrets.id),
      change: "retire",
    });
    expect(outcome).toEqual({
      kind: "ok",
      state: {
        status: "ok",
        message: "Secrets management is retired: it is no longer offered or required.",
      },
    });
    // The new belt is announced to its guardian (an in-app notification and its email).
    expect(changed).toEqual([
      "AuditLog",
      "BeltAward",
      "Course",
      "Notification",
      "NotificationEmail",
    ]);
    expect((await listCourses()).map((c) => c.title)).toEqual(["Secure coding", "Fuzzing"]);
    expect((await listCourses({ retired: true })).map((c) => c.title)).toEqual([
      "Secrets management",
    ]);
    // gSub now has every required course: Yellow, awarded once; gParent's Yellow stays as it was.
    expect(
      (await db.beltAward.findMany({ where: { belt: "YELLOW" }, orderBy: { id: "asc" } })).map(
        (a) => a.userId,
      ),
    ).toEqual([w.gParent.id, w.gSub.id]);
    // Required training now asks for Secure coding only: gParent and gSub have it, gOther not.
    expect(await requiredTrainingByTeam()).toEqual(
      new Map([
        [w.teamParent.id, 100],
        [w.teamSub.id, 100],
        [w.teamOther.id, 0],
      ]),
    );
    const [sub] = await completionByOrg((await loadActor(w.leaderSub.id))!);
    expect(sub).toMatchObject({ name: "Payments / Cards", guardians: 1, complete: 1 });
    // The retired course's completions stay on profiles; no new ones can be recorded.
    const lead = (await loadActor(w.lead.id))!;
    expect((await getProfile(lead, w.gOther.id))?.completions.map((c) => c.course.title)).toEqual([
      "Secrets management",
    ]);
    actAs(w.gSub.id);
    const late = await post(recordCompletionAction, {
      courseId: String(w.secrets.id),
      completedOn: daysAgo(1),
      evidenceUrl: "",
      email: "",
    });
    expect(late.outcome).toEqual({
      kind: "error",
      state: { status: "error", message: "That course does not exist or is not visible to you." },
    });
    expect(late.changed).toEqual([]);

    actAs(w.lead.id);
    const twice = await post(changeCourseStatusAction, {
      id: String(w.secrets.id),
      change: "retire",
    });
    expect(twice.outcome).toEqual({
      kind: "error",
      state: { status: "error", message: "Secrets management is already retired." },
    });
    expect(twice.changed).toEqual([]);
    expect(
      (await post(changeCourseStatusAction, { id: String(w.secrets.id), change: "reactivate" }))
        .outcome.kind,
    ).toBe("ok");
    // Both required again: only gParent has both.
    expect(await requiredTrainingByTeam()).toEqual(
      new Map([
        [w.teamParent.id, 100],
        [w.teamSub.id, 0],
        [w.teamOther.id, 0],
      ]),
    );
    // Bringing it back takes no belt away.
    expect(await db.beltAward.count({ where: { belt: "YELLOW", revokedAt: null } })).toBe(2);
    expect(
      (await db.auditLog.findMany({ where: { entity: "Course" }, orderBy: { id: "asc" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["retire", "reactivate"]);
  });

  it("refuses a course a belt rule names, bad input and callers without the permission, changing nothing", async () => {
    const w = await world();
    const onboarding = await db.course.create({
      data: { key: "guardian-onboarding", title: "Onboarding", required: true, onboarding: true },
    });
    actAs(w.lead.id);
    const named = await post(changeCourseStatusAction, {
      id: String(onboarding.id),
      change: "retire",
    });
    expect(named.outcome).toEqual({
      kind: "error",
      state: {
        status: "error",
        message:
          "The Yellow belt rule asks for Onboarding: change the rule before retiring the course.",
      },
    });
    const bad = await post(changeCourseStatusAction, {
      id: String(w.secrets.id),
      change: "archive",
    });
    expect(bad.outcome).toMatchObject({
      kind: "error",
      state: { fieldErrors: { change: ["Choose retire or reactivate"] } },
    });
    const missing = await post(changeCourseStatusAction, { id: "987654", change: "retire" });
    expect(missing.outcome).toEqual({
      kind: "error",
      state: { status: "error", message: "That course does not exist or is not visible to you." },
    });
    const refused = [];
    for (const who of [w.managerOther, w.leaderSub, w.gParent]) {
      actAs(who.id);
      refused.push(
        await post(changeCourseStatusAction, { id: String(w.secrets.id), change: "retire" }),
      );
    }
    expect(refused.map((r) => r.outcome)).toEqual([NO_PERMISSION, NO_PERMISSION, NO_PERMISSION]);
    expect([named, bad, missing, ...refused].flatMap((r) => r.changed)).toEqual([]);
  });
});

describe("required training by organisation and team", () => {
  it("a parent organisation's figures include its sub-orgs' guardians and teams", async () => {
    const w = await world();
    const lead = (await loadActor(w.lead.id))!;
    expect((await completionByOrg(lead)).map((r) => [r.name, r.guardians, r.complete])).toEqual([
      ["Payments", 2, 1],
      ["Payments / Cards", 1, 0],
      ["Retail", 1, 0],
    ]);
    expect(
      (await completionByTeam(lead, w.parent.id)).map((r) => [
        r.name,
        r.org,
        r.guardians,
        r.complete,
      ]),
    ).toEqual([
      ["Cards", "Payments / Cards", 1, 0],
      ["Ledger", "Payments", 1, 1],
    ]);
    expect((await completionByTeam(lead, w.sub.id)).map((r) => r.name)).toEqual(["Cards"]);
  });

  it("a sub-org's leader sees their sub-org only, and nothing of the parent or another organisation", async () => {
    const w = await world();
    const leader = (await loadActor(w.leaderSub.id))!;
    expect((await completionByOrg(leader)).map((r) => r.name)).toEqual(["Payments / Cards"]);
    expect(await completionByTeam(leader, w.parent.id)).toEqual([]);
    expect(await completionByTeam(leader, w.other.id)).toEqual([]);
    expect(
      (await completionByTeam((await loadActor(w.managerOther.id))!, w.other.id)).map(
        (r) => r.name,
      ),
    ).toEqual(["Checkout"]);
  });

  it("with no required course the completion is not enough data, not 0%", async () => {
    const w = await world();
    await db.course.updateMany({ data: { required: false } });
    const lead = (await loadActor(w.lead.id))!;
    expect((await completionByOrg(lead)).map((r) => [r.name, r.guardians, r.complete])).toEqual([
      ["Payments", 2, null],
      ["Payments / Cards", 1, null],
      ["Retail", 1, null],
    ]);
    expect((await completionByTeam(lead, w.parent.id)).map((r) => r.complete)).toEqual([
      null,
      null,
    ]);
  });
});
