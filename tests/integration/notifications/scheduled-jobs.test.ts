import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueNow } from "@/lib/server/jobs/queue";

import { mailerFromEnv } from "@/lib/server/mail";
import { createOrg, createTeam, createUser } from "../../factories";

import { startMailSink } from "../../support/mail-sink";
import { at, guard } from "./program-fixture";
import { jobsIn, waitFor, workerWorld } from "./queue-helpers";

// The scheduled jobs as the schedule starts them: a job on the real queue (pg-boss on the test
// database), run by the real workers with the clock injected, emails through a real SMTP server.
const workers = workerWorld(startMailSink);

async function work(now: Date) {
  const mailer = mailerFromEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(workers.sink.smtpPort),
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@example.test>",
  });
  await workers.work({ mailer, now: () => now });
}

const done = (queue: string) => async () =>
  (await jobsIn(queue)).every((j) => j.state === "completed");

describe("scheduled jobs through the queue", () => {
  it("runs the coverage alerts for the moment the job names, not the worker's clock", async () => {
    const team = await createTeam((await createOrg()).id, { name: "Payments" });
    await guard((await createUser(["GUARDIAN"])).id, team.id, "2025-01-01", "2026-02-20");
    const lead = await createUser(["LEAD"]);
    await enqueueNow([{ name: "coverage-alerts", data: { at: "2026-03-01T06:30:00Z" } }]);
    // The worker's clock says 2026-04-15: "Payments" would have had no guardian for 30 days.
    await work(at("2026-04-15"));
    await waitFor(done("coverage-alerts"));
    const alert = await db.coverageAlert.findFirstOrThrow();
    expect(alert).toMatchObject({ kind: "ONLY_GUARDIAN_LEFT", closedAt: null });
    expect(alert.raisedAt).toEqual(at("2026-03-01"));
    expect(await db.notification.findMany({ select: { userId: true, eventKey: true } })).toEqual([
      { userId: lead.id, eventKey: `alert:${alert.id}` },
    ]);
  });

  it("sends the leads' digest for the worker's clock when the job names no moment, by email at once", async () => {
    const team = await createTeam((await createOrg()).id, { name: "Payments" });
    await createUser(["LEAD"], { email: "lead@example.test" });
    await db.guardianMembership.create({
      data: {
        userId: (await createUser(["BUILDER"])).id,
        teamId: team.id,
        nominatedOn: new Date("2026-02-01"),
      },
    });
    await enqueueNow([{ name: "lead-digest", data: {} }]);
    await work(at("2026-03-02", "07:00"));
    await waitFor(async () => workers.sink.to("lead@example.test").length === 1);
    const [message] = workers.sink.to("lead@example.test");
    expect(message.subject).toBe("Program digest of 2 Mar 2026: 1 thing to look at");
    expect(message.text).toContain("Nominations to decide: 1 (Person");
    expect(message.text).toContain("Reviews requested, no security engineer assigned: none.");
    expect(message.text).toContain("http://localhost:3000/\n");
    // One line per part in the HTML part too.
    expect(message.html).toMatch(
      /white-space:pre-line">Nominations to decide: 1 \(Person \d+ for Payments\)\.\n/,
    );
    expect(await db.notification.findFirstOrThrow()).toMatchObject({
      eventKey: "lead-digest:2026-W10",
    });
  });

  it("sends the hours reminder through the queue, once per month even when the job runs twice", async () => {
    const team = await createTeam((await createOrg()).id);
    const g = await createUser(["GUARDIAN"], { email: "grace@example.test" });
    await guard(g.id, team.id, "2025-06-01");
    const at25 = { at: "2026-03-25T09:00:00Z" };
    await enqueueNow([
      { name: "hours-reminder", data: at25 },
      { name: "hours-reminder", data: at25 },
    ]);
    await work(at("2026-03-25", "09:00"));
    await waitFor(done("hours-reminder"));
    await waitFor(async () => workers.sink.to("grace@example.test").length === 1);
    await waitFor(done("notification-email"));
    const [message] = workers.sink.to("grace@example.test");
    expect(message.subject).toBe("Log your security hours for March 2026");
    expect(message.text).toContain("So far you have logged no hours of security work");
    expect(message.text).toContain("http://localhost:3000/log");
    expect(workers.sink.to()).toHaveLength(1);
  });
});
