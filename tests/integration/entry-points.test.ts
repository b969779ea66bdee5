// The two entry-point wrappers (lib/server/api-route.ts, lib/server/form-action.ts): every
// failure answered through the one mapping with its status and code, and one log line per call.
import { Writable } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { apiRoute } from "@/lib/server/api-route";
import { DomainError, FieldError, NotFoundError } from "@/lib/server/errors";
import { formAction } from "@/lib/server/form-action";
import { resetDatabase } from "../setup/db";
import { createUser } from "../factories";
import { actAs, formData, invoke } from "./action-harness";

const logged = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("@/lib/server/log", async (original) => {
  const actual = await original<typeof import("@/lib/server/log")>();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { ...actual, logger: actual.createLogger(stream, "info") };
});

const ORIGIN = "http://localhost:3000";
let guardian: { id: number };
let manager: { id: number };

beforeEach(async () => {
  await resetDatabase();
  logged.length = 0;
  guardian = await createUser(["GUARDIAN"]);
  manager = await createUser(["MANAGER"]);
  actAs(guardian.id);
});

const hoursSchema = z.object({
  hours: z.coerce.number().positive("Hours must be more than 0"),
  note: z.string().optional(),
});

/** A route whose handler fails as the `fail` query parameter says. */
const probe = apiRoute(
  { permission: "activity.log", json: hoursSchema, mutates: true },
  async ({ actor, input, request }) => {
    const fail = new URL(request.url).searchParams.get("fail");
    if (fail === "rule") throw new DomainError("That day already has 24 h logged.");
    if (fail === "missing") throw new NotFoundError("review");
    if (fail === "field") throw new FieldError("team", "Pick a team from the list.");
    if (fail === "database")
      throw new Prisma.PrismaClientInitializationError("Can't reach database server", "6");
    if (fail === "bug")
      throw new Error("boom at postgresql://guardians:s3cret-pw@db.internal:5432/app");
    return { actor: actor.id, hours: input.hours };
  },
);

const post = (body: unknown, opts: { query?: string; origin?: string; id?: string } = {}) =>
  probe(
    new Request(`${ORIGIN}/api/probe${opts.query ?? ""}`, {
      method: "POST",
      headers: {
        host: "localhost:3000",
        origin: opts.origin ?? ORIGIN,
        "content-type": "application/json",
        ...(opts.id ? { "x-request-id": opts.id } : {}),
      },
      body: JSON.stringify(body),
    }),
  );

async function answer(response: Response) {
  return { status: response.status, body: await response.json() };
}

describe("apiRoute", () => {
  it("runs the handler with the signed-in person and the parsed input; data goes out as JSON", async () => {
    const response = await post({ hours: "1.5" }, { id: "lb-42" });
    expect(await answer(response)).toEqual({
      status: 200,
      body: { actor: guardian.id, hours: 1.5 },
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBe("lb-42");
  });

  it("answers each refusal with its status and a stable code beside the message", async () => {
    expect(await answer(await post({ hours: 1 }, { origin: "https://evil.example" }))).toEqual({
      status: 403,
      body: { error: "Cross-site requests are not allowed.", code: "cross_site" },
    });
    actAs(null);
    expect(await answer(await post({ hours: 1 }))).toEqual({
      status: 401,
      body: { error: "Sign in first.", code: "unauthenticated" },
    });
    actAs(manager.id); // managers do not log hours
    expect(await answer(await post({ hours: 1 }))).toEqual({
      status: 403,
      body: { error: "You do not have permission to do that.", code: "forbidden" },
    });
    actAs(guardian.id);
    expect(await answer(await post({ hours: -1 }))).toEqual({
      status: 422,
      body: {
        error: "Invalid input",
        code: "invalid_input",
        issues: [{ path: "hours", message: "Hours must be more than 0" }],
      },
    });
    expect(await answer(await post({ hours: 1, note: "a\u0000b" }))).toMatchObject({
      status: 422,
      body: { code: "invalid_input", issues: [{ path: "note" }] },
    });
    expect(await answer(await post({ hours: 1 }, { query: "?fail=rule" }))).toEqual({
      status: 422,
      body: { error: "That day already has 24 h logged.", code: "rejected" },
    });
    expect(await answer(await post({ hours: 1 }, { query: "?fail=missing" }))).toEqual({
      status: 404,
      body: { error: "That review does not exist or is not visible to you.", code: "not_found" },
    });
    expect(await answer(await post({ hours: 1 }, { query: "?fail=field" }))).toEqual({
      status: 422,
      body: {
        error: "Please correct the highlighted fields.",
        code: "invalid_input",
        issues: [{ path: "team", message: "Pick a team from the list." }],
      },
    });
  });

  it("sends Strict-Transport-Security on every answer when served over https, none over http", async () => {
    const hsts = async (query = "") => (await post({ hours: 1 }, { query })).headers;
    vi.stubEnv("NEXTAUTH_URL", "https://guardians.example.com");
    try {
      for (const headers of [await hsts(), await hsts("?fail=rule"), await hsts("?fail=database")])
        expect(headers.get("strict-transport-security")).toBe(
          "max-age=63072000; includeSubDomains",
        );
      actAs(null);
      expect((await hsts()).get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
      vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
      expect((await hsts()).get("strict-transport-security")).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers a database outage with 503 and Retry-After, and a fault with a generic 500", async () => {
    const down = await post({ hours: 1 }, { query: "?fail=database" });
    expect(down.status).toBe(503);
    expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await down.json()).code).toBe("database_unavailable");
    expect(await answer(await post({ hours: 1 }, { query: "?fail=bug" }))).toEqual({
      status: 500,
      body: { error: "Something went wrong and nothing was saved.", code: "internal" },
    });
  });

  it("logs one line per request with its id, actor, route, status, code and duration, and no secret", async () => {
    await post({ hours: 1 }, { id: "lb-1" });
    await post({ hours: -1 }, { id: "lb-2" });
    await post({ hours: 1 }, { id: "lb-3", query: "?fail=bug" });
    const requests = logged.filter((l) => l.msg === "request");
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      level: 30,
      requestId: "lb-1",
      actorId: guardian.id,
      route: "POST /api/probe",
      status: 200,
    });
    expect(requests[0].code).toBeUndefined();
    expect(typeof requests[0].durationMs).toBe("number");
    expect(requests[1]).toMatchObject({ requestId: "lb-2", status: 422, code: "invalid_input" });
    expect(requests[2]).toMatchObject({ level: 50, status: 500, code: "internal" });
    expect((requests[2].err as { message: string }).message).toContain("guardians:***@");
    expect(JSON.stringify(logged)).not.toContain("s3cret-pw");
  });
});

describe("formAction", () => {
  const saved: number[] = [];
  const action = formAction(
    { name: "probe", permission: "activity.log", schema: hoursSchema },
    async (_actor, input) => {
      if (input.note === "rule") throw new DomainError("That day already has 24 h logged.");
      if (input.note === "field") throw new FieldError("team", "Pick a team from the list.");
      if (input.note === "bug") throw new Error("the work failed unexpectedly");
      saved.push(input.hours);
      return { status: "ok", message: "Saved." };
    },
  );

  it("answers every failure as form state, through the same mapping", async () => {
    expect(await invoke(action, formData({ hours: "2" }))).toEqual({
      kind: "ok",
      state: { status: "ok", message: "Saved." },
    });
    expect(await invoke(action, formData({ hours: "0" }))).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { hours: ["Hours must be more than 0"] },
      },
    });
    expect(await invoke(action, formData({ hours: "1", note: "field" }))).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { team: ["Pick a team from the list."] },
      },
    });
    expect(await invoke(action, formData({ hours: "1", note: "rule" }))).toEqual({
      kind: "error",
      state: { status: "error", message: "That day already has 24 h logged." },
    });
    expect(await invoke(action, formData({ hours: "1", note: "bug" }))).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Something went wrong and nothing was saved. Please try again.",
      },
    });
    actAs(manager.id);
    expect(await invoke(action, formData({ hours: "1" }))).toEqual({
      kind: "error",
      state: { status: "error", message: "You do not have permission to do that." },
    });
    actAs(null);
    expect(await invoke(action, formData({ hours: "1" }))).toEqual({
      kind: "error",
      state: { status: "error", message: "Your session has ended. Sign in again." },
    });
    expect(saved).toEqual([2]);
  });

  it("logs one line per call with the action's name, actor, outcome and code", async () => {
    await invoke(action, formData({ hours: "1" }));
    await invoke(action, formData({ hours: "0" }));
    actAs(null);
    await invoke(action, formData({ hours: "1" }));
    const lines = logged.filter((l) => l.msg === "action");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ action: "probe", actorId: guardian.id, outcome: "ok" });
    expect(typeof lines[0].requestId).toBe("string");
    expect(typeof lines[0].durationMs).toBe("number");
    expect(lines[1]).toMatchObject({ outcome: "error", code: "invalid_input" });
    expect(lines[2]).toMatchObject({ actorId: null, outcome: "error", code: "unauthenticated" });
  });

  it("logs a fault at error level with its error", async () => {
    await invoke(action, formData({ hours: "1", note: "bug" }));
    const [line] = logged.filter((l) => l.msg === "action");
    expect(line).toMatchObject({ level: 50, outcome: "error", code: "internal" });
    expect((line.err as { message: string }).message).toBe("the work failed unexpectedly");
  });
});
