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
const LOCKED = /Too many failed sign-in attempts/;

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

  it("refuses malformed input before touching the database", async () => {
    await expect(authenticate({ email: "not an email", password: "x" }, null)).rejects.toThrow(
      "Enter a valid email address",
    );
    expect(await db.loginAttempt.count()).toBe(0);
  });

  it("locks the account after five failures, even for the right password", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate({ email: "g@example.test", password: `wrong-${i}` }, null),
      ).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(
      authenticate({ email: "g@example.test", password: PASSWORD }, null),
    ).rejects.toThrow(/Too many failed sign-in attempts. Try again in 15 minutes/);
    // Another account is not affected.
    await createUser(["BUILDER"], { email: "b@example.test", password: PASSWORD });
    await expect(
      authenticate({ email: "b@example.test", password: PASSWORD }, null),
    ).resolves.toBeTruthy();
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(
      authenticate({ email: "g@example.test", password: PASSWORD }, null),
    ).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("parallel wrong passwords cannot get past the lock: at most five are checked, then even the right one is refused", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        authenticate({ email: "g@example.test", password: `wrong-${i}` }, null),
      ),
    );
    const messages = results.map((r) =>
      r.status === "rejected" ? (r.reason as Error).message : "signed in",
    );
    expect(messages.filter((m) => m === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.perEmail);
    expect(messages.filter((m) => LOCKED.test(m))).toHaveLength(20 - THROTTLE.perEmail);
    expect(verifications.count).toBe(THROTTLE.perEmail);
    expect(
      await db.loginAttempt.count({ where: { email: "g@example.test", success: false } }),
    ).toBe(THROTTLE.perEmail);
    await expect(
      authenticate({ email: "g@example.test", password: PASSWORD }, null),
    ).rejects.toThrow(LOCKED);
    expect(verifications.count).toBe(THROTTLE.perEmail);
  });

  it("a right password among parallel wrong ones is checked like any other attempt and recorded once", async () => {
    const user = await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    const attempts = [PASSWORD, "wrong-1", "wrong-2", "wrong-3"].map((password) =>
      authenticate({ email: "g@example.test", password }, "203.0.113.7"),
    );
    const results = await Promise.allSettled(attempts);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { id: user.id } });
    expect(results.slice(1).every((r) => r.status === "rejected")).toBe(true);
    expect(await db.loginAttempt.count({ where: { email: "g@example.test", success: true } })).toBe(
      1,
    );
    expect(
      await db.loginAttempt.count({ where: { email: "g@example.test", success: false } }),
    ).toBe(3);
  });

  it("locks an address after twenty failures across different emails, including the right password of another account", async () => {
    await createUser(["BUILDER"], { email: "b@example.test", password: PASSWORD });
    const ip = "203.0.113.7";
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await expect(
        authenticate({ email: `nobody-${i}@example.test`, password: "nope" }, ip),
      ).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(authenticate({ email: "b@example.test", password: PASSWORD }, ip)).rejects.toThrow(
      LOCKED,
    );
    // The same account from another address is not affected (its own email has no failures).
    await expect(
      authenticate({ email: "b@example.test", password: PASSWORD }, "198.51.100.9"),
    ).resolves.toBeTruthy();
  });

  it("parallel attempts from one address across emails are gated too", async () => {
    const ip = "203.0.113.8";
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        authenticate({ email: `nobody-${i}@example.test`, password: "nope" }, ip),
      ),
    );
    const locked = results.filter(
      (r) => r.status === "rejected" && LOCKED.test((r.reason as Error).message),
    );
    expect(locked).toHaveLength(30 - THROTTLE.perIp);
    expect(verifications.count).toBe(THROTTLE.perIp);
    expect(await db.loginAttempt.count({ where: { ip, success: false } })).toBe(THROTTLE.perIp);
  });
});
