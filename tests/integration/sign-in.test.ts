import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const PASSWORD = "correct horse battery";

beforeEach(async () => {
  await resetDatabase();
});

describe("sign-in", () => {
  it("accepts the right password and records the attempt", async () => {
    const org = await createOrg();
    const user = await createUser(["GUARDIAN"], { orgId: org.id, email: "g@example.test", password: PASSWORD });
    await expect(authenticate({ email: "G@Example.test", password: PASSWORD }, "10.0.0.1")).resolves.toMatchObject({ id: user.id });
    expect(await db.loginAttempt.count({ where: { email: "g@example.test", success: true } })).toBe(1);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    await expect(authenticate({ email: "g@example.test", password: "nope" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(authenticate({ email: "nobody@example.test", password: "nope" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await db.loginAttempt.count({ where: { success: false } })).toBe(2);
  });

  it("refuses malformed input before touching the database", async () => {
    await expect(authenticate({ email: "not an email", password: "x" }, null)).rejects.toThrow("Enter a valid email address");
    expect(await db.loginAttempt.count()).toBe(0);
  });

  it("locks the account after five failures, even for the right password", async () => {
    await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: "g@example.test", password: `wrong-${i}` }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(authenticate({ email: "g@example.test", password: PASSWORD }, null)).rejects.toThrow(/Too many failed sign-in attempts. Try again in 15 minutes/);
    // Another account is not affected.
    await createUser(["BUILDER"], { email: "b@example.test", password: PASSWORD });
    await expect(authenticate({ email: "b@example.test", password: PASSWORD }, null)).resolves.toBeTruthy();
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser(["GUARDIAN"], { email: "g@example.test", password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(authenticate({ email: "g@example.test", password: PASSWORD }, null)).rejects.toThrow(WRONG_CREDENTIALS);
  });
});
