import { describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { failedJobs, queueSummaries, retryFailed } from "@/lib/server/jobs/admin";
import { retryJobAction } from "@/lib/server/jobs/actions";
import { enqueueNow } from "@/lib/server/jobs/queue";

import { type Mailer } from "@/lib/server/mail";
import { notify } from "@/lib/server/notifications/notify";
import { createUser } from "../../factories";

import { startMailSink } from "../../support/mail-sink";
import { actAs, formData, invoke } from "../action-harness";
import { jobsIn, sinkMailer, waitFor, workerWorld } from "./queue-helpers";

vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

// /admin/jobs on the real queue: a job out of retries shows with its error and goes back on retry.
const workers = workerWorld(startMailSink);

const failing: Mailer = {
  from: "x",
  send: async () => {
    throw new Error("connect ECONNREFUSED 10.0.0.9:587");
  },
};

async function failedEmailJob() {
  const person = await createUser(["GUARDIAN"], { email: "ada@example.test" });
  await db.$transaction((tx) =>
    notify(tx, {
      kind: "BELT_AWARDED",
      userIds: [person.id],
      title: "You earned the Yellow belt",
      link: "/belts",
      eventKey: "belt:1",
    }),
  );
  // Out of retries at once, as after its last attempt.
  const { inject } = await import("vitest");
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  await c.query(`UPDATE pgboss.job SET retry_limit = 0`);
  await c.end();
  await workers.work({ mailer: failing });
  await waitFor(async () => (await jobsIn("notification-email"))[0]?.state === "failed");
  await workers.stop(false);
}

describe("the admin's view of the job queue", () => {
  it("lists a failed job with its error and attempts, and counts it per queue", async () => {
    const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
    await failedEmailJob();
    const { jobs, total } = await failedJobs(admin, "failed", 1);
    expect(total).toBe(1);
    expect(jobs[0]).toMatchObject({
      queue: "notification-email",
      error: "connect ECONNREFUSED 10.0.0.9:587",
      attempts: 1,
    });
    const summary = await queueSummaries(admin);
    expect(summary.find((s) => s.queue === "notification-email")).toMatchObject({ failed: 1 });
    expect(summary.find((s) => s.queue === "daily-digest")).toMatchObject({ failed: 0 });
  });

  it("retries it: the job runs again and the email goes out once", async () => {
    const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
    await failedEmailJob();
    const [job] = (await failedJobs(admin, "failed", 1)).jobs;
    expect(await retryFailed(admin, { queue: "notification-email", id: job.id })).toBe(1);
    await expect(retryFailed(admin, { queue: "notification-email", id: job.id })).rejects.toThrow(
      DomainError,
    );
    await workers.work({ mailer: sinkMailer(workers.sink) });
    await waitFor(async () => (await jobsIn("notification-email"))[0]?.state === "completed");
    expect(workers.sink.to("ada@example.test")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "retry", entity: "Job" } })).toBe(1);
  });

  it("is the admin's only, and refuses bad input through the form action", async () => {
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    await expect(failedJobs(lead, "failed", 1)).rejects.toThrow(PermissionError);
    await expect(retryFailed(lead, { queue: "notification-email" })).rejects.toThrow(
      PermissionError,
    );
    const admin = await createUser(["ADMIN"]);
    actAs(admin.id);
    const bad = await invoke(retryJobAction, formData({ queue: "rm -rf", id: "42" }));
    expect(bad).toMatchObject({
      kind: "error",
      state: {
        fieldErrors: { queue: ["Choose one of the app's queues."], id: ["That is not a job id."] },
      },
    });
    await enqueueNow([{ name: "daily-digest", data: {} }]);
    expect(await invoke(retryJobAction, formData({ queue: "daily-digest" }))).toMatchObject({
      kind: "error",
      state: { message: "No failed jobs here." },
    });
    expect((await jobsIn("daily-digest"))[0]?.state).toBe("created");
    actAs(lead.id);
    expect(await invoke(retryJobAction, formData({ queue: "daily-digest" }))).toMatchObject({
      kind: "error",
      state: { message: expect.stringMatching(/not allowed|permission/i) },
    });
  });
});
