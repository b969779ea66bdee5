// A read after any write shows the change (docs/metrics.md: the data versions are kept by
// database triggers, so no writer has to say it wrote). Every path that writes what the
// dashboards count is driven here, each followed by the next read: a form (server action), the
// hours API, the hour-logging SQL function, a CSV import, a restore, belt evaluation. With
// METRICS_MAX_STALE_SECONDS=0 (no staleness allowed) the next read must already show it; with the
// defaults, it does within METRICS_MAX_STALE_SECONDS (README, "Dashboards").
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postActivity } from "@/app/api/activities/route";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isoDay, quarterOf } from "@/lib/period";
import { logActivity } from "@/lib/server/activity/service";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { metricsOverQuarters } from "@/lib/server/metrics/dashboard";
import { addFindingAction } from "@/lib/server/reviews/actions";
import { exportAll } from "@/lib/server/transfer/export";
import { commitImport } from "@/lib/server/transfer/service";
import { newActivitySchema } from "@/lib/validations/activity";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase, withClient } from "../setup/db";
import { actAs, formData, invoke, jsonPost } from "./action-harness";
import { withoutMetricsStaleness } from "./no-staleness";
import { runImport } from "@/lib/server/transfer/run-import";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const today = isoDay(new Date());
const current = quarterOf(new Date());
const program = { orgIds: null, teamId: null };
/** The dashboard's read, as a page makes it (not `fresh`): the cache decides. */
const read = async () => (await metricsOverQuarters(program, [current]))[0];

withoutMetricsStaleness();

async function world() {
  const org = await createOrg();
  const team = await createTeam(org.id, { joinedOn: new Date("2024-01-01") });
  const g = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: new Date("2025-01-01"),
      activeOn: new Date("2025-01-01"),
    },
  });
  const engineer = await createUser(["SECURITY_ENGINEER"], { orgId: org.id });
  const admin = await createUser(["ADMIN"]);
  const reviews = [];
  for (const key of ["R1", "R2"])
    reviews.push(
      await db.review.create({
        data: {
          key,
          teamId: team.id,
          service: key,
          requestedAt: new Date(`${today}T00:00:00Z`),
          startedAt: new Date(`${today}T00:00:00Z`),
          completedAt: new Date(),
          securityEngineerId: engineer.id,
          participants: { create: [{ userId: g.id }] },
        },
      }),
    );
  return { g, engineer, admin, reviews };
}

beforeEach(async () => {
  await resetDatabase();
  clearMetricsCache();
});

describe("the next read after a write shows it", () => {
  it("a form: a finding recorded through its server action", async () => {
    const w = await world();
    expect((await read()).findings.opened).toBe(0);
    actAs(w.engineer.id);
    const outcome = await invoke(
      addFindingAction,
      formData({ reviewId: String(w.reviews[0].id), title: "Token in logs", severity: "HIGH" }),
    );
    expect(outcome.kind).toBe("ok");
    expect((await read()).findings.opened).toBe(1);
  });

  it("the hours API and the hour-logging SQL function behind it, and the service", async () => {
    const w = await world();
    expect((await read()).time.guardianHours).toBe(0);
    actAs(w.g.id);
    const res = await postActivity(
      jsonPost(
        "/api/activities",
        JSON.stringify({ date: today, hours: 1.5, type: "REVIEW", idempotencyKey: randomUUID() }),
      ),
    );
    expect(res.status).toBe(201);
    expect((await read()).time.guardianHours).toBe(1.5);
    await logActivity(
      (await loadActor(w.g.id))!,
      newActivitySchema.parse({
        date: today,
        hours: "2",
        type: "REVIEW",
        idempotencyKey: randomUUID(),
      }),
    );
    expect((await read()).time.guardianHours).toBe(3.5);
  });

  it("a CSV import", async () => {
    const w = await world();
    expect((await read()).time.guardianHours).toBe(0);
    const csv = `email,date,hours,activity_type,review_id,note\n${w.g.email},${today},0.75,question,,imported\n`;
    const result = await commitImport((await loadActor(w.admin.id))!, [
      { name: "activities.csv", content: new TextEncoder().encode(csv) },
    ]);
    expect(result.errors).toEqual([]);
    expect((await read()).time.guardianHours).toBe(0.75);
  });

  it("belt evaluation", async () => {
    const w = await world();
    expect((await read()).people.beltDistribution).toMatchObject({ NONE: 1, WHITE: 0 });
    expect((await reevaluateBelts([w.g.id])).map((a) => a.belt)).toEqual(["WHITE"]);
    expect((await read()).people.beltDistribution).toMatchObject({ NONE: 0, WHITE: 1 });
  });

  it("a write no code announces (plain SQL by an operator, no audit record)", async () => {
    await world();
    expect((await read()).findings.teams).toBe(1);
    await db.$executeRaw`INSERT INTO "Team" (key, name, "orgId", "joinedOn") SELECT 'OPS-1', 'Ops', "orgId", '2024-01-01' FROM "Team" LIMIT 1`;
    expect((await read()).findings.teams).toBe(2);
  });

  it("a restore of a backup into an emptied database", async () => {
    await world();
    const before = await read();
    expect(before.cycle.all.n).toBe(2);
    const dir = await mkdtemp(path.join(tmpdir(), "guardians-fresh-"));
    try {
      await withClient(process.env.DATABASE_URL!, (c) => exportAll(c, dir, { passwords: true }));
      await resetDatabase();
      expect((await read()).cycle.all.n).toBe(0);
      const files = await Promise.all(
        (await readdir(dir)).map(async (name) => ({
          name,
          content: new Uint8Array(await readFile(path.join(dir, name))),
        })),
      );
      const result = await withClient(process.env.DATABASE_URL!, (c) =>
        runImport(c, files, { commit: true, actor: null, passwords: true }),
      );
      expect(result.errors).toEqual([]);
      expect(await read()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
