import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendHoursReminders } from "@/lib/server/notifications/hours-reminder";
import { createOrg, createTeam, createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { at, guard, logHours } from "./program-fixture";
import { clearQueue, jobsIn } from "./queue-helpers";

// The monthly reminder on the real database, with the clock injected: the run of 25 March 2026.
const RUN = at("2026-03-25", "09:00");

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

async function people() {
  const team = await createTeam((await createOrg()).id);
  const person = async (roles: Parameters<typeof createUser>[0] = ["GUARDIAN"]) =>
    createUser(roles, { teamId: team.id });
  return { team, person };
}

const reminders = () =>
  db.notification.findMany({ where: { kind: "HOURS_REMINDER" }, orderBy: { userId: "asc" } });

describe("monthly hours reminder", () => {
  it("goes to active guardians below 3.5 h this month, saying how many hours they logged", async () => {
    const { team, person } = await people();
    const three = await person();
    await guard(three.id, team.id, "2025-06-01");
    await logHours(three.id, "2026-03-02", 2);
    await logHours(three.id, "2026-03-20", 1);
    await logHours(three.id, "2026-03-21", 1, true); // deleted: does not count
    await logHours(three.id, "2026-02-27", 5); // last month: does not count
    const four = await person();
    await guard(four.id, team.id, "2025-06-01");
    await logHours(four.id, "2026-03-10", 4);
    const none = await person();
    await guard(none.id, team.id, "2026-03-01");
    const builder = await person(["BUILDER"]);
    await logHours(builder.id, "2026-03-03", 1);
    const alumnus = await person();
    await guard(alumnus.id, team.id, "2025-01-01", "2026-02-28");
    const nominee = await person();
    await db.guardianMembership.create({
      data: { userId: nominee.id, teamId: team.id, nominatedOn: new Date("2026-03-01") },
    });

    expect(await sendHoursReminders(RUN)).toEqual({ below: 2, notified: 2 });
    const sent = await reminders();
    expect(sent.map((r) => [r.userId, r.title, r.body, r.link, r.eventKey])).toEqual([
      [
        three.id,
        "Log your security hours for March 2026",
        "So far you have logged 3 h of security work in March 2026; the program's reference is 3.5 h a month.",
        "/log",
        "hours-reminder:2026-03",
      ],
      [
        none.id,
        "Log your security hours for March 2026",
        "So far you have logged no hours of security work in March 2026; the program's reference is 3.5 h a month.",
        "/log",
        "hours-reminder:2026-03",
      ],
    ]);
  });

  it("sends nothing new when run again the same month, and goes again the next month", async () => {
    const { team, person } = await people();
    const g = await person();
    await guard(g.id, team.id, "2025-06-01");
    await sendHoursReminders(RUN);
    await logHours(g.id, "2026-03-25", 0.5); // still below
    expect(await sendHoursReminders(at("2026-03-26"))).toEqual({ below: 1, notified: 0 });
    expect(await db.notification.count()).toBe(1);
    expect(await db.notificationEmail.count()).toBe(1);
    expect(await jobsIn("notification-email")).toHaveLength(1);
    await sendHoursReminders(at("2026-04-25"));
    expect((await reminders()).map((r) => r.eventKey)).toEqual([
      "hours-reminder:2026-03",
      "hours-reminder:2026-04",
    ]);
  });

  it("emails at once by default, and only in the app for someone who turned its email off", async () => {
    const { team, person } = await people();
    const byEmail = await person();
    const appOnly = await person();
    for (const g of [byEmail, appOnly]) await guard(g.id, team.id, "2025-06-01");
    await db.notificationPreference.create({
      data: { userId: appOnly.id, kind: "HOURS_REMINDER", email: "OFF" },
    });
    await sendHoursReminders(RUN);
    const [a, b] = await reminders();
    expect(a).toMatchObject({ userId: byEmail.id, emailedAt: null });
    expect(a.emailId).not.toBeNull();
    expect(b).toMatchObject({ userId: appOnly.id, emailId: null });
    expect(b.emailedAt).not.toBeNull();
    expect(await jobsIn("notification-email")).toEqual([
      expect.objectContaining({ data: { emailId: a.emailId!.toString() } }),
    ]);
  });

  it("skips deactivated guardians", async () => {
    const { team, person } = await people();
    const gone = await person();
    await guard(gone.id, team.id, "2025-06-01");
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    expect(await sendHoursReminders(RUN)).toEqual({ below: 0, notified: 0 });
  });

  it("counts a guardian of two teams once", async () => {
    const { team, person } = await people();
    const other = await createTeam(team.orgId);
    const g = await person();
    await guard(g.id, team.id, "2025-06-01");
    await guard(g.id, other.id, "2025-09-01");
    expect(await sendHoursReminders(RUN)).toEqual({ below: 1, notified: 1 });
  });
});
