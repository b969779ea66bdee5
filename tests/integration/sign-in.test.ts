import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

// Counts the password checks that get past the throttle gate (the real argon2 still runs).
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...argon2,
    verify: (...args: Parameters<typeof argon2.verify>) => {
      verifications.count++;
      return argon2.verify(...args);
    },
  };
});

const PASSWORD = "correct horse battery";
const THROTTLED = /Too many failed sign-in attempts/;
const OWNER = "owner@example.test";
const STRANGER = "203.0.113.66";
const HOME = "198.51.100.1";

/** What `authenticate` answered: "ok" or its message. */
async function attempt(email: string, password: string, ip: string | null): Promise<string> {
  try {
    await authenticate({ email, password }, ip);
    return "ok";
  } catch (error) {
    return (error as Error).message;
  }
}

/** As if `seconds` had passed: every recorded attempt moves that far into the past. */
async function wait(seconds: number) {
  await db.$executeRaw`UPDATE "LoginAttempt" SET at = at - make_interval(secs => ${seconds})`;
}

beforeEach(async () => {
  await resetDatabase();
  verifications.count = 0;
});

describe("sign-in", () => {
  it("accepts the right password and records the attempt", async () => {
    const org = await createOrg();
    const user = await createUser(["GUARDIAN"], {
      orgId: org.id,
      email: "g@example.test",
      password: PASSWORD,
    });
    await expect(
      authenticate({ email: "G@Example.test", password: PASSWORD }, "10.0.0.1"),
    ).resolves.toMatchObject({ id: user.id });
    expect(await db.loginAttempt.count({ where: { email: "g@example.test", success: true } })).toBe(
      1,
    );
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    await expect(authenticate({ email: "g@example.test", password: "nope" }, null)).rejects.toThrow(
      WRONG_CREDENTIALS,
    );
    await expect(
      authenticate({ email: "nobody@example.test", password: "nope" }, null),
    ).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await db.loginAttempt.count({ where: { success: false } })).toBe(2);
  });

  it("answers as slowly for an unknown email as for a known one (the password is checked either way)", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    const timed = async (email: string, i: number) => {
      const started = performance.now();
      // A fresh address each time: the throttle must not be what is measured.
      expect(await attempt(email, `wrong-${i}`, `192.0.2.${i}`)).toBe(WRONG_CREDENTIALS);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      known.push(await timed("g@example.test", 2 * i));
      unknown.push(await timed(`nobody-${i}@example.test`, 2 * i + 1));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const [k, u] = [median(known), median(unknown)];
    // argon2 takes tens of milliseconds; skipping it for unknown emails would halve u or less.
    expect(u).toBeGreaterThan(k * 0.6);
    expect(u).toBeLessThan(k * 1.6);
    expect(verifications.count).toBe(16);
  });

  it("refuses malformed input before touching the database", async () => {
    await expect(authenticate({ email: "not an email", password: "x" }, null)).rejects.toThrow(
      "Enter a valid email address",
    );
    expect(await db.loginAttempt.count()).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(
      authenticate({ email: "g@example.test", password: PASSWORD }, null),
    ).rejects.toThrow(WRONG_CREDENTIALS);
  });
});

describe("sign-in throttling", () => {
  it("a stranger's failures from one address never keep the owner out from another", async () => {
    await createUser(["ADMIN"], { email: OWNER, password: PASSWORD });
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) answers.push(await attempt(OWNER, `guess-${i}`, STRANGER));
    expect(answers.filter((a) => a === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.pair.free);
    expect(answers.filter((a) => THROTTLED.test(a))).toHaveLength(30 - THROTTLE.pair.free);
    expect(await attempt(OWNER, PASSWORD, HOME)).toBe("ok");
    // Even from the stranger's address the wait is short and grows only with more failures.
    expect(answers.at(-1)).toBe("Too many failed sign-in attempts. Try again in 5 seconds.");
  });

  it("backs off with a growing wait after the free failures, and a success starts afresh", async () => {
    await createUser(["GUARDIAN"], { email: OWNER, password: PASSWORD });
    for (let i = 0; i < THROTTLE.pair.free; i++)
      expect(await attempt(OWNER, `typo-${i}`, HOME)).toBe(WRONG_CREDENTIALS);
    expect(await attempt(OWNER, PASSWORD, HOME)).toMatch(/Try again in 5 seconds/);
    await wait(5);
    expect(await attempt(OWNER, "typo-again", HOME)).toBe(WRONG_CREDENTIALS);
    expect(await attempt(OWNER, PASSWORD, HOME)).toMatch(/Try again in 10 seconds/);
    await wait(10);
    expect(await attempt(OWNER, PASSWORD, HOME)).toBe("ok");
    for (let i = 0; i < THROTTLE.pair.free; i++)
      expect(await attempt(OWNER, `typo-${i}`, HOME)).toBe(WRONG_CREDENTIALS);
  });

  it("parallel wrong passwords cannot get past the count: only the free ones are checked", async () => {
    await createUser(["GUARDIAN"], { email: OWNER, password: PASSWORD });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(OWNER, `wrong-${i}`, STRANGER)),
    );
    expect(answers.filter((a) => a === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.pair.free);
    expect(answers.filter((a) => THROTTLED.test(a))).toHaveLength(20 - THROTTLE.pair.free);
    expect(verifications.count).toBe(THROTTLE.pair.free);
    expect(await db.loginAttempt.count({ where: { email: OWNER, success: false } })).toBe(
      THROTTLE.pair.free,
    );
    // Even the right password waits at that address…
    expect(await attempt(OWNER, PASSWORD, STRANGER)).toMatch(THROTTLED);
    expect(verifications.count).toBe(THROTTLE.pair.free);
    // …and not at another.
    expect(await attempt(OWNER, PASSWORD, HOME)).toBe("ok");
  });

  it("a right password among parallel wrong ones is checked like any other attempt and recorded once", async () => {
    const user = await createUser(["GUARDIAN"], { email: OWNER, password: PASSWORD });
    const attempts = [PASSWORD, "wrong-1", "wrong-2"].map((password) =>
      authenticate({ email: OWNER, password }, STRANGER),
    );
    const results = await Promise.allSettled(attempts);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { id: user.id } });
    expect(results.slice(1).every((r) => r.status === "rejected")).toBe(true);
    expect(await db.loginAttempt.count({ where: { email: OWNER, success: true } })).toBe(1);
    expect(await db.loginAttempt.count({ where: { email: OWNER, success: false } })).toBe(2);
  });

  it("an address spraying passwords across 60 accounts is stopped after 20 failures", async () => {
    await createUser(["BUILDER"], { email: "b@example.test", password: PASSWORD });
    const answers: string[] = [];
    for (let i = 0; i < 60; i++)
      answers.push(await attempt(`person-${i}@example.test`, "Summer2026!", STRANGER));
    expect(answers.filter((a) => a === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.address.limit);
    expect(answers.filter((a) => THROTTLED.test(a))).toHaveLength(60 - THROTTLE.address.limit);
    expect(verifications.count).toBe(THROTTLE.address.limit);
    // The address waits even with another account's right password; that account elsewhere does not.
    expect(await attempt("b@example.test", PASSWORD, STRANGER)).toMatch(THROTTLED);
    expect(await attempt("b@example.test", PASSWORD, HOME)).toBe("ok");
  });

  it("parallel attempts from one address across accounts are gated too", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`nobody-${i}@example.test`, "nope", STRANGER)),
    );
    expect(answers.filter((a) => THROTTLED.test(a))).toHaveLength(30 - THROTTLE.address.limit);
    expect(verifications.count).toBe(THROTTLE.address.limit);
    expect(await db.loginAttempt.count({ where: { ip: STRANGER, success: false } })).toBe(
      THROTTLE.address.limit,
    );
  });

  it("guessing from many addresses holds back new addresses after 50 failures an hour, never the owner's usual one", async () => {
    await createUser(["ADMIN"], { email: OWNER, password: PASSWORD });
    expect(await attempt(OWNER, PASSWORD, HOME)).toBe("ok"); // HOME becomes a known address
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(OWNER, `guess-${i}`, `203.0.113.${i}`)),
    );
    expect(answers.filter((a) => a === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.account.limit);
    expect(verifications.count).toBe(1 + THROTTLE.account.limit);
    // A new address, even with the right password, waits; the owner at home signs in.
    expect(await attempt(OWNER, PASSWORD, "192.0.2.200")).toMatch(/Try again in \d+ minutes/);
    expect(await attempt(OWNER, PASSWORD, HOME)).toBe("ok");
  });
});
