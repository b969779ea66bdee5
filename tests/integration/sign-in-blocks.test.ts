import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { clearSignInFailuresAction } from "@/lib/server/account/actions";
import { clearSignInFailures, signInBlocks } from "@/lib/server/account/sign-in-blocks";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs, formData, invoke } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

const PASSWORD = "correct horse battery";
const OWNER = "owner@example.test";
const STRANGER = "203.0.113.66";

const attempt = (email: string, password: string, ip: string) =>
  authenticate({ email, password }, ip).then(
    () => "ok",
    (error: Error) => error.message,
  );

/**
 * The owner, an admin and a lead; strangers failed against the owner from one address, then from
 * many, up to the account's limit (50 failures in all).
 */
async function attacked() {
  const org = await createOrg();
  const owner = await createUser(["GUARDIAN"], { orgId: org.id, email: OWNER, password: PASSWORD });
  const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
  const lead = (await loadActor((await createUser(["LEAD"], { orgId: org.id })).id))!;
  for (let i = 0; i < 5; i++) await attempt(OWNER, `guess-${i}`, STRANGER);
  await Promise.all(
    Array.from({ length: THROTTLE.account.limit }, (_, i) =>
      attempt(OWNER, `guess-${i}`, `192.0.2.${i}`),
    ),
  );
  return { owner, admin, lead };
}

beforeEach(async () => {
  await resetDatabase();
  actAs(null);
});

describe("an administrator clears a person's failed sign-ins", () => {
  it("shows who waits, clears every failure with an audit entry, and the person gets in at once", async () => {
    const { owner, admin } = await attacked();
    expect(await attempt(OWNER, PASSWORD, STRANGER)).toMatch(/Try again in \d+ minutes/);
    expect(await attempt(OWNER, PASSWORD, "198.51.100.7")).toMatch(/Try again in \d+ minutes/);
    const blocks = (await signInBlocks(admin, owner.id))!;
    expect(blocks.failures).toBe(THROTTLE.account.limit);
    expect(blocks.waiting).toContainEqual(
      expect.objectContaining({ ip: STRANGER, failures: THROTTLE.pair.free }),
    );
    expect(blocks.newAddressesUntil!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    await expect(clearSignInFailures(admin, { id: owner.id })).resolves.toEqual({
      name: owner.name,
      cleared: THROTTLE.account.limit,
    });
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { action: "clear-sign-in-failures", entityId: String(owner.id) },
      }),
    ).toMatchObject({
      actorId: admin.id,
      orgId: owner.orgId,
      after: { clearedFailures: THROTTLE.account.limit },
    });
    // The failures stay on record, cleared.
    expect(await db.loginAttempt.count({ where: { email: OWNER, success: false } })).toBe(
      THROTTLE.account.limit,
    );
    expect(await signInBlocks(admin, owner.id)).toEqual({
      failures: 0,
      waiting: [],
      newAddressesUntil: null,
    });
    expect(await attempt(OWNER, PASSWORD, "198.51.100.7")).toBe("ok");
    expect(await attempt(OWNER, PASSWORD, STRANGER)).toBe("ok");
  });

  it("a lead can neither see nor clear them, and nothing changes", async () => {
    const { owner, lead } = await attacked();
    expect(await signInBlocks(lead, owner.id)).toBeNull();
    await expect(clearSignInFailures(lead, { id: owner.id })).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await db.loginAttempt.count({ where: { clearedAt: { not: null } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "clear-sign-in-failures" } })).toBe(0);
  });

  it("a missing person answers as missing", async () => {
    const admin = (await loadActor((await createUser(["ADMIN"])).id))!;
    await expect(clearSignInFailures(admin, { id: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("through the action: the admin's post clears, a lead's and a signed-out post are refused", async () => {
    const { owner, admin, lead } = await attacked();
    const form = () => formData({ id: String(owner.id) });
    expect(await invoke(clearSignInFailuresAction, form())).toMatchObject({
      kind: "error",
      state: { message: "Your session has ended. Sign in again." },
    });
    actAs(lead.id);
    expect(await invoke(clearSignInFailuresAction, form())).toMatchObject({ kind: "error" });
    expect(await db.loginAttempt.count({ where: { clearedAt: { not: null } } })).toBe(0);
    actAs(admin.id);
    expect(await invoke(clearSignInFailuresAction, formData({ id: "x" }))).toMatchObject({
      kind: "error",
      state: { fieldErrors: { id: [expect.any(String)] } },
    });
    expect(await invoke(clearSignInFailuresAction, form())).toMatchObject({
      kind: "ok",
      state: {
        message: `50 failed sign-ins of ${owner.name} cleared: they can sign in again from anywhere.`,
      },
    });
    expect(await invoke(clearSignInFailuresAction, form())).toMatchObject({
      kind: "ok",
      state: { message: `${owner.name} had no failed sign-ins to clear.` },
    });
  });
});
