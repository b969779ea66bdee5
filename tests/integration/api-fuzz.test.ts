// Strict types at the JSON API's edge: a valid hour-logging body with one field of a hostile
// class (a number as text, hex, a boolean, a list, year 1, 1900 or the far future, a lone
// surrogate, a control character) answers 422 and writes nothing; the GET APIs' ids beyond
// PostgreSQL's integer never answer 5xx.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postActivity } from "@/app/api/activities/route";
import { GET as getTeams } from "@/app/api/teams/route";
import { GET as getMetrics } from "@/app/api/metrics/[family]/route";
import { resetDatabase } from "../setup/db";
import {
  actAs,
  buildWorld,
  changedTables,
  daysAgo,
  fingerprint,
  jsonPost,
  type World,
} from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const ORIGIN = "http://localhost:3000";
let world: World;
beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

const post = (body: unknown) => postActivity(jsonPost("/api/activities", JSON.stringify(body)));

const FAR_FUTURE = ["2999-01-01", "9999-12-31", daysAgo(-2)];
const CLASSES: Record<string, fc.Arbitrary<unknown>> = {
  hours: fc.constantFrom(
    "0x10",
    "1.5",
    "16",
    "1e1",
    " 1",
    true,
    false,
    [1],
    ["1"],
    null,
    {},
    { valueOf: 1 },
  ),
  date: fc.constantFrom("0001-01-01", "1900-01-01", "1999-12-31", ...FAR_FUTURE, 20261101, true, [
    "2026-11-01",
  ]),
  note: fc.constantFrom("\uD800", "a\uDC00b", "x\uD83D", ["a"], 1, true),
  type: fc.constantFrom(true, ["REVIEW"], 1, "0x10"),
  link: fc.constantFrom("review:99999999999", "review:0x10", "review:1e3", true, [1]),
  idempotencyKey: fc.constantFrom(true, 1, ["1b4e28ba-2fa1-41d2-883f-0016d3cca427"]),
};

describe("POST /api/activities takes JSON types as they are", () => {
  it("answers 422 naming the field, and writes nothing, for every hostile class", async () => {
    actAs(world.users.guardianA.id);
    const baseline = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...Object.keys(CLASSES))
          .chain((field) => fc.tuple(fc.constant(field), CLASSES[field])),
        async ([field, value]) => {
          const body = {
            date: daysAgo(1),
            hours: 1.5,
            type: "REVIEW",
            note: "Prepared",
            idempotencyKey: randomUUID(),
            [field]: value,
          };
          const res = await post(body);
          const answer = await res.json();
          const where = `${field}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(answer)}`;
          expect(res.status, where).toBe(422);
          expect(answer.code, where).toBe("invalid_input");
          expect(
            answer.issues.map((i: { path: string }) => i.path),
            where,
          ).toContain(field);
        },
      ),
      { numRuns: 120 },
    );
    expect(changedTables(baseline, await fingerprint())).toEqual([]);
  });

  it("still logs a well-typed body (the strict schema is not merely closed)", async () => {
    actAs(world.users.guardianA.id);
    const res = await post({
      date: daysAgo(1),
      hours: 1.5,
      type: "REVIEW",
      note: "Emoji are fine: 🛡️",
      idempotencyKey: randomUUID(),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).hours).toBe(1.5);
  });
});

describe("GET APIs with ids no record can have", () => {
  const ODD = ["0x10", "1e3", "99999999999", "99999999999999999999", "-1", "2147483648", "%00"];

  it("answer 4xx or ignore the filter, never 5xx", async () => {
    actAs(world.users.lead.id);
    for (const v of ODD) {
      const teams = await getTeams(
        new Request(`${ORIGIN}/api/teams?for=dashboard&org=${v}`, {
          headers: { host: "localhost:3000" },
        }),
      );
      expect(teams.status, `teams org=${v}`).toBe(422);
      for (const param of ["org", "team"]) {
        const metrics = await getMetrics(
          new Request(`${ORIGIN}/api/metrics/time?${param}=${v}`, {
            headers: { host: "localhost:3000" },
          }),
          { params: Promise.resolve({ family: "time" }) },
        );
        // A malformed filter is ignored (the whole program for a lead), as on the pages.
        expect(metrics.status, `metrics ${param}=${v}`).toBe(200);
        expect(await metrics.text()).toContain('"whole program"');
      }
    }
  });
});
