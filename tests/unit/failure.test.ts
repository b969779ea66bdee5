import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DomainError,
  FieldError,
  NotFoundError,
  PermissionError,
  SignedOutError,
} from "@/lib/server/errors";
import { failureOf, isDatabaseUnavailable, parseInput, UNAVAILABLE } from "@/lib/server/failure";
import { Prisma } from "@/lib/generated/prisma/client";

const schema = z.object({ hours: z.coerce.number().positive("Hours must be more than 0") });

describe("failureOf: one mapping from an error to its status, code and message", () => {
  it("invalid input: 422 with each field's issue", () => {
    const error = schema.safeParse({ hours: "-1" }).error!;
    expect(failureOf(error)).toEqual({
      status: 422,
      code: "invalid_input",
      message: "Invalid input",
      issues: [{ path: "hours", message: "Hours must be more than 0" }],
    });
  });

  it("a refusal about one field: 422 with that field's issue and the form's message", () => {
    expect(failureOf(new FieldError("team", "Pick a team from the list."))).toEqual({
      status: 422,
      code: "invalid_input",
      message: "Please correct the highlighted fields.",
      issues: [{ path: "team", message: "Pick a team from the list." }],
    });
  });

  it("domain errors answer with their code's status and their own message", () => {
    expect(failureOf(new NotFoundError("review"))).toEqual({
      status: 404,
      code: "not_found",
      message: "That review does not exist or is not visible to you.",
    });
    expect(failureOf(new PermissionError())).toMatchObject({ status: 403, code: "forbidden" });
    expect(failureOf(new SignedOutError("Sign in first."))).toEqual({
      status: 401,
      code: "unauthenticated",
      message: "Sign in first.",
    });
    expect(failureOf(new DomainError("That day already has 24 h logged."))).toEqual({
      status: 422,
      code: "rejected",
      message: "That day already has 24 h logged.",
    });
    expect(failureOf(new DomainError("No.", "cross_site"))).toMatchObject({ status: 403 });
    expect(failureOf(new DomainError("Too big.", "payload_too_large"))).toMatchObject({
      status: 413,
    });
  });

  it("a database outage: 503 database_unavailable", () => {
    const down = new Prisma.PrismaClientInitializationError("Can't reach database server", "6");
    expect(isDatabaseUnavailable(down)).toBe(true);
    // What the pg adapter says when PostgreSQL goes away in the middle of a query.
    expect(
      isDatabaseUnavailable(
        new Error("Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("duplicate key value"))).toBe(false);
    expect(failureOf(down)).toEqual({
      status: 503,
      code: "database_unavailable",
      message: UNAVAILABLE,
    });
    expect(failureOf(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toMatchObject({
      status: 503,
    });
  });

  it("anything else: 500 internal, marked unexpected so it is logged", () => {
    expect(failureOf(new TypeError("undefined is not a function"))).toEqual({
      status: 500,
      code: "internal",
      message: "Something went wrong and nothing was saved.",
      unexpected: true,
    });
  });
});

describe("parseInput", () => {
  const note = z.object({ note: z.string(), hours: z.coerce.number() });

  it("returns the parsed input", () => {
    expect(parseInput(note, { note: "ok", hours: "2" })).toEqual({ note: "ok", hours: 2 });
  });

  it("refuses a NUL character on its field, but not in fields the schema drops", () => {
    expect(() => parseInput(note, { note: "a\u0000b", hours: "1" })).toThrow(z.ZodError);
    try {
      parseInput(note, { note: "a\u0000b", hours: "1" });
    } catch (error) {
      expect(failureOf(error).issues).toEqual([
        { path: "note", message: "Remove the invisible control character (NUL) from this field." },
      ]);
    }
    expect(parseInput(note, { note: "ok", hours: "1", junk: "\u0000" })).toEqual({
      note: "ok",
      hours: 1,
    });
  });
});
