import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { notify } from "@/lib/server/notifications/notify";
import { createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { startMailSink, type MailSink } from "../../support/mail-sink";
import { clearQueue, jobsIn, waitFor } from "./queue-helpers";

// `npm run worker`'s command (read from package.json, run without npm in between, so the
// signal reaches the worker as it would under a process manager) as its own process, as beside servers started with JOBS_IN_SERVER=0: it runs
// the queue's jobs (here an immediate email to a real SMTP server) and stops cleanly on SIGTERM.
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

const [command, ...args] = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts.worker.split(" ");
const runWorker = (env: NodeJS.ProcessEnv) =>
  spawn(command === "node" ? process.execPath : command, args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });

describe("npm run worker", () => {
  it("sends what the servers queued, and exits 0 on SIGTERM", async () => {
    const person = await createUser(["GUARDIAN"], { email: "ada@example.test" });
    await db.$transaction((tx) =>
      notify(tx, {
        kind: "BELT_AWARDED",
        userIds: [person.id],
        title: "You earned the Yellow belt",
        link: "/belts",
        eventKey: "belt:worker",
      }),
    );
    const worker = runWorker({
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      NEXTAUTH_SECRET: "worker-test-secret-worker-test-secret",
      NEXTAUTH_URL: "http://localhost:3000",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.smtpPort),
      SMTP_TLS: "false",
    });
    let output = "";
    worker.stdout.on("data", (d) => (output += String(d)));
    worker.stderr.on("data", (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => worker.on("exit", resolve));
    try {
      await waitFor(() => sink.to("ada@example.test").length === 1, 60_000);
      await waitFor(async () => (await jobsIn("notification-email"))[0]?.state === "completed");
      expect(output).toContain("[worker] running the job queue");
    } finally {
      worker.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(output).toContain("[worker] stopping");
    expect(sink.to("ada@example.test")[0].subject).toBe("You earned the Yellow belt");
  }, 90_000);

  it("refuses to start without the servers' settings", async () => {
    const worker = runWorker({
      ...process.env,
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      AUTH_SECRET: "",
    });
    let output = "";
    worker.stderr.on("data", (d) => (output += String(d)));
    const code = await new Promise<number | null>((resolve) => worker.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("set DATABASE_URL and NEXTAUTH_SECRET");
  }, 60_000);
});
