import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestIdOf } from "@/lib/server/log";
import { logRequestError } from "@/lib/server/request-errors";

/** A logger writing its JSON lines into an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger(stream, "info") };
}

describe("the server logger", () => {
  it("writes one JSON line per event with the given fields", () => {
    const { lines, logger } = capture();
    logger.info({ requestId: "r-1", actorId: 4, route: "GET /x", status: 200 }, "request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "request",
      requestId: "r-1",
      actorId: 4,
      route: "GET /x",
      status: 200,
    });
  });

  it("censors secrets at the top level and one level down, and headers' cookies", () => {
    const { lines, logger } = capture();
    logger.info({
      password: "hunter2",
      user: { email: "a@example.test", passwordHash: "$argon2id$secret-hash" },
      token: "tok-123",
      channel: { webhookUrl: "https://hooks.example.test/T000/secret" },
      headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer xyz" },
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ["hunter2", "secret-hash", "tok-123", "T000/secret", "abc", "xyz"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: "[redacted]",
      user: { email: "a@example.test", passwordHash: "[redacted]" },
    });
  });

  it("hides credentials of connection URLs in logged errors", () => {
    const { lines, logger } = capture();
    logger.error(
      { err: new Error("cannot reach postgresql://guardians:s3cret-pw@db.internal:5432/app") },
      "failed",
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("s3cret-pw");
    expect(text).toContain("postgresql://guardians:***@db.internal:5432/app");
  });

  it("scrubs secret-shaped text from an error's message, stack and own fields", () => {
    const { lines, logger } = capture();
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$ZGlnZXN0ZGlnZXN0ZGlnZXN0";
    const error = Object.assign(new Error(`Invalid invocation: { passwordHash: "${hash}" }`), {
      meta: { target: "https://app.example/set-password/AbCdEfGhIjKlMnOpQrSt" },
      token: "tok-in-error",
    });
    logger.error({ err: error }, "failed");
    const text = JSON.stringify(lines[0]);
    for (const secret of ["ZGlnZXN0ZGln", "AbCdEfGhIjKl", "tok-in-error"])
      expect(text).not.toContain(secret);
    expect(text).toContain("[redacted hash]");
  });

  it("stays quiet below its level", () => {
    const lines: string[] = [];
    const quiet = createLogger(
      new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      "silent",
    );
    quiet.error("nothing");
    expect(lines).toEqual([]);
  });
});

describe("requestIdOf", () => {
  it("keeps a well-formed x-request-id and replaces a missing or hostile one", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "lb-7f3a.1" }))).toBe("lb-7f3a.1");
    const generated = requestIdOf(new Headers());
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(null)).not.toBe(generated);
    expect(requestIdOf(new Headers({ "x-request-id": 'a b"}' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ "x-request-id": "x".repeat(500) }))).toHaveLength(36);
  });
});

describe("a request's failure, as Next.js reports it (instrumentation.ts onRequestError)", () => {
  it("is one error line with the on-screen reference, the route and the path without its query", () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error("canceling statement due to lock timeout"), {
      digest: "2133504217",
    });
    logRequestError(
      logger,
      error,
      {
        path: "/reviews?q=alice%40example.test",
        method: "GET",
        headers: { "x-request-id": "req-7", cookie: "authjs.session-token=abc" },
      },
      { routePath: "/reviews", routeType: "render", renderSource: "react-server-components" },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: "request failed",
      digest: "2133504217",
      method: "GET",
      path: "/reviews",
      route: "/reviews",
      routeType: "render",
      requestId: "req-7",
      err: { message: "canceling statement due to lock timeout" },
    });
    expect(JSON.stringify(lines[0])).not.toContain("session-token");
    expect(JSON.stringify(lines[0])).not.toContain("alice");
  });

  it("scrubs a secret quoted in the error's message", () => {
    const { lines, logger } = capture();
    logRequestError(
      logger,
      new Error("bad link https://guardians.test/set-password/0123456789abcdef0123456789abcdef"),
      { path: "/x", method: "POST", headers: {} },
      { routePath: "/x", routeType: "action" },
    );
    expect(JSON.stringify(lines[0])).not.toContain("0123456789abcdef0123456789abcdef");
    expect(lines[0]).not.toHaveProperty("digest");
  });
});
