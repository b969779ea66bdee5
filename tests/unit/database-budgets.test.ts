import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLIENT_GRACE_MS,
  connectionSettings,
  jobBudget,
  reportBudget,
  requestBudget,
} from "@/lib/db/budgets";

describe("database budgets", () => {
  it("defaults to 2 s to connect, 3 s per statement, 2 s per lock wait; 15 s for dashboard facts, 1 h for long jobs", () => {
    expect(requestBudget({})).toEqual({ connectMs: 2_000, statementMs: 3_000, lockMs: 2_000 });
    expect(reportBudget({})).toEqual({ connectMs: 15_000, statementMs: 15_000, lockMs: 2_000 });
    expect(jobBudget({})).toEqual({ connectMs: 2_000, statementMs: 3_600_000, lockMs: 3_600_000 });
  });

  it("reads each limit from the environment", () => {
    const env = {
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_STATEMENT_TIMEOUT_MS: " 8000 ",
      DATABASE_LOCK_TIMEOUT_MS: "500",
      DATABASE_REPORT_TIMEOUT_MS: "20000",
      DATABASE_JOB_TIMEOUT_MS: "600000",
    };
    expect(reportBudget(env)).toEqual({ connectMs: 20_000, statementMs: 20_000, lockMs: 500 });
    expect(requestBudget(env)).toEqual({ connectMs: 1_500, statementMs: 8_000, lockMs: 500 });
    expect(jobBudget(env)).toEqual({ connectMs: 1_500, statementMs: 600_000, lockMs: 600_000 });
  });

  it("refuses a malformed value with one sentence naming the variable", () => {
    for (const bad of ["abc", "0", "-5", "2.5", "1e12"])
      expect(() => requestBudget({ DATABASE_STATEMENT_TIMEOUT_MS: bad })).toThrow(
        `DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds between 1 and 86400000 (got "${bad}")`,
      );
  });

  it("lets the server cancel first and the client give up a moment later", () => {
    const settings = connectionSettings(requestBudget({}));
    expect(settings).toMatchObject({
      connectionTimeoutMillis: 2_000,
      statement_timeout: 3_000,
      lock_timeout: 2_000,
      query_timeout: 3_000 + CLIENT_GRACE_MS,
      keepAlive: true,
    });
  });

  it("every connection outside the app's pool is a long job's (jobClient), except the start-up probes", () => {
    const probes = ["lib/db/embedded.ts", "lib/db/bootstrap.ts"];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !probes.includes(file)) {
          if (/new pg\.(Client|Pool)\(/.test(fs.readFileSync(file, "utf8"))) offenders.push(file);
        }
      }
    };
    ["lib", "scripts", "bench", "app"].forEach(walk);
    // The app's pool itself (lib/db/client.ts) is built with the request budget.
    expect(offenders).toEqual(["lib/db/client.ts"]);
    const client = fs.readFileSync("lib/db/client.ts", "utf8");
    expect(client).toContain("...connectionSettings(budget)");
    expect(client).toContain("createClient(requestBudget(),");
    expect(client).toContain("createClient(reportBudget(),");
  });
});
