import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendLeadDigests } from "@/lib/server/notifications/lead-digest";
import { createOrg, createTeam, createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { at, guard, logHours, nominate } from "./program-fixture";
import { clearQueue, jobsIn } from "./queue-helpers";

// The leads' weekly digest on the real database, run on Monday 2 March 2026 (ISO week 10).
const MONDAY = at("2026-03-02", "07:00");

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

let reviewNo = 0;
function review(teamId: number, service: string, requestedAt: string, data = {}) {
  return db.review.create({
    data: {
      key: `REV-${++reviewNo}`,
      teamId,
      service,
      requestedAt: new Date(requestedAt),
      ...data,
    },
  });
}

function threatModel(
  teamId: number,
  system: string,
  status: "IN_REVIEW" | "DRAFT",
  createdOn: string,
) {
  return db.threatModel.create({
    data: { key: `TM-${system}`, teamId, system, status, createdOn: new Date(createdOn) },
  });
}

async function goal(title: string, target: number) {
  await db.program.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Security Guardians", vision: "", mission: "" },
    update: {},
  });
  return db.goal.create({ data: { title, metric: "ACTIVE_GUARDIANS", target } });
}

function alert(
  teamId: number,
  kind: "NO_GUARDIAN" | "GUARDIAN_QUIET",
  raisedAt: string,
  closedAt?: string,
) {
  return db.coverageAlert.create({
    data: {
      teamId,
      kind,
      detail: "…",
      raisedAt: new Date(raisedAt),
      closedAt: closedAt ? new Date(closedAt) : null,
    },
  });
}

describe("leads' weekly digest", () => {
  it("tells every lead what waits: counts and the oldest few by name", async () => {
    const org = await createOrg();
    const payments = await createTeam(org.id, { name: "Payments" });
    const search = await createTeam(org.id, { name: "Search" });
    const lead = await createUser(["LEAD"]);
    const admin = await createUser(["ADMIN"]);
    const engineer = await createUser(["SECURITY_ENGINEER"]);
    await createUser(["MANAGER"], { orgId: org.id });
    const ada = await createUser(["BUILDER"], { email: "ada@example.test" });
    await db.user.update({ where: { id: ada.id }, data: { name: "Ada Lovelace" } });
    await nominate(ada.id, payments.id, "2026-02-10");
    const g = await createUser(["GUARDIAN"]);
    await guard(g.id, search.id, "2025-06-01");
    await logHours(g.id, "2026-02-20", 1);
    for (const [i, day] of ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"].entries())
      await review(i % 2 ? search.id : payments.id, `Service ${i + 1}`, day);
    await review(payments.id, "Assigned", "2026-01-01", { securityEngineerId: engineer.id });
    await review(payments.id, "Done", "2026-01-01", { completedAt: new Date("2026-01-20") });
    await threatModel(search.id, "Search API", "IN_REVIEW", "2026-02-15");
    await threatModel(search.id, "Draft", "DRAFT", "2026-02-15");
    await goal("Ten active guardians", 10);
    await goal("At least one active guardian", 1);
    await alert(payments.id, "NO_GUARDIAN", "2026-02-28T06:30:00Z");
    await alert(search.id, "GUARDIAN_QUIET", "2026-02-20T06:30:00Z"); // over a week ago
    await alert(search.id, "NO_GUARDIAN", "2026-03-01T06:30:00Z", "2026-03-02T06:30:00Z"); // closed

    await db.notificationPreference.create({
      data: { userId: lead.id, kind: "LEAD_DIGEST", email: "DIGEST" },
    });

    expect(await sendLeadDigests(MONDAY)).toEqual({ notified: 2 });
    const sent = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(sent.map((n) => n.userId)).toEqual([lead.id, admin.id]);
    expect(sent[0]).toMatchObject({
      kind: "LEAD_DIGEST",
      link: "/",
      eventKey: "lead-digest:2026-W10",
      title: "Program digest of 2 Mar 2026: 8 things to look at",
      body: [
        "Nominations to decide: 1 (Ada Lovelace for Payments).",
        "Reviews requested, no security engineer assigned: 4 (Service 1, Payments; Service 2, Search; Service 3, Payments; 1 more).",
        "Threat models awaiting review: 1 (Search API, Search).",
        "Program goals off track: 1 (Ten active guardians).",
        "Coverage alerts raised this week, still open: 1 (Payments: no guardian for 30 days).",
      ].join("\n"),
    });
    // The digest is one email already: it goes at once, whatever the person's digest choice.
    expect(sent.every((n) => n.emailId !== null)).toBe(true);
    expect(await jobsIn("notification-email")).toHaveLength(2);

    expect(await sendLeadDigests(at("2026-03-08", "23:00"))).toEqual({ notified: 0 });
    expect(await db.notification.count()).toBe(2);
    await sendLeadDigests(at("2026-03-09", "07:00"));
    expect(await db.notification.count({ where: { eventKey: "lead-digest:2026-W11" } })).toBe(2);
  });

  it("sends nothing when nothing waits", async () => {
    await createUser(["LEAD"]);
    await goal("At least no guardians", 0);
    expect(await sendLeadDigests(MONDAY)).toEqual({ notified: 0 });
    expect(await db.notification.count()).toBe(0);
  });
});
