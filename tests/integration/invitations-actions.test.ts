// The invitation and link actions as the pages call them: form fields in, form state out
// (session stand-in from the action harness; a real SMTP server and PostgreSQL).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import {
  inviteBatchAction,
  invitePersonAction,
  requestPasswordResetAction,
  setPasswordAction,
  type InviteBatchState,
} from "@/lib/server/identity/link-actions";
import { RESET_ANSWER } from "@/lib/server/identity/password-reset";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { linkIn, startMailSink, type MailSink } from "../support/mail-sink";
import { actAs, formData, invoke } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await resetDatabase();
  sink.clear();
  vi.stubEnv("SMTP_HOST", "127.0.0.1");
  vi.stubEnv("SMTP_PORT", String(sink.smtpPort));
  vi.stubEnv("SMTP_TLS", "false");
});
afterEach(() => vi.unstubAllEnvs());

const PASSWORD = "quiet meadow compass";

async function world() {
  const org = await createOrg();
  const lead = await createUser(["LEAD"], { orgId: org.id, password: PASSWORD });
  const manager = await createUser(["MANAGER"], { orgId: org.id, password: PASSWORD });
  const person = await createUser(["BUILDER"], { orgId: org.id, email: "ada@example.test" });
  return { org, lead, manager, person };
}

describe("invitePersonAction", () => {
  it("sends an invitation and says until when it works; a second one needs `again`", async () => {
    const { lead, person } = await world();
    actAs(lead.id);
    const first = await invoke(invitePersonAction, formData({ id: String(person.id) }));
    expect(first).toMatchObject({ kind: "ok" });
    expect(first.kind === "ok" && first.state.message).toMatch(
      /^Invitation sent to ada@example.test. The link works until \w+day \d+ \w+ \d{4}, \d\d:\d\d UTC.$/,
    );
    const again = await invoke(invitePersonAction, formData({ id: String(person.id) }));
    expect(again).toMatchObject({
      kind: "error",
      state: { message: expect.stringContaining("less than 24 hours ago") },
    });
    const asked = await invoke(
      invitePersonAction,
      formData({ id: String(person.id), again: "yes" }),
    );
    expect(asked.kind).toBe("ok");
    expect(sink.messages).toHaveLength(2);
  });

  it("refuses the signed out, those who do not manage people, and a malformed id", async () => {
    const { manager, person, lead } = await world();
    actAs(null);
    expect(await invoke(invitePersonAction, formData({ id: String(person.id) }))).toEqual({
      kind: "error",
      state: { status: "error", message: "Your session has ended. Sign in again." },
    });
    actAs(manager.id);
    expect(await invoke(invitePersonAction, formData({ id: String(person.id) }))).toEqual({
      kind: "error",
      state: { status: "error", message: "You do not have permission to do that." },
    });
    actAs(lead.id);
    expect(await invoke(invitePersonAction, formData({ id: "abc" }))).toMatchObject({
      kind: "error",
      state: { fieldErrors: { id: ["Choose a person"] } },
    });
    expect(await db.signInLink.count()).toBe(0);
  });
});

describe("inviteBatchAction", () => {
  it("answers each batch with its report and the cursor", async () => {
    const { lead, org } = await world();
    actAs(lead.id);
    const outcome = await invoke(inviteBatchAction, formData({ org: String(org.id) }));
    expect(outcome.kind).toBe("ok");
    const state = (outcome as { state: InviteBatchState }).state;
    // Of the three people of the organisation, only Ada has no way to sign in.
    expect(state.report).toEqual({
      invited: 1,
      skipped: { recentlyInvited: 0, notAllowed: 0 },
      failed: [],
      processed: 1,
      next: null,
    });
  });
});

describe("the signed-out pages' actions", () => {
  it("answers a reset request the same way for any address, and a malformed one on its field", async () => {
    await world();
    for (const email of ["ada@example.test", "nobody@example.test"])
      expect(await invoke(requestPasswordResetAction, formData({ email }))).toEqual({
        kind: "ok",
        state: { status: "ok", message: RESET_ANSWER },
      });
    expect(sink.messages.map((m) => m.to)).toEqual([["ada@example.test"]]);
    expect(await invoke(requestPasswordResetAction, formData({ email: "nope" }))).toMatchObject({
      kind: "error",
      state: { fieldErrors: { email: ["Enter a valid email address"] } },
    });
  });

  it("sets the password and sends the person to sign in; refusals come back on the fields", async () => {
    await world();
    await invoke(requestPasswordResetAction, formData({ email: "ada@example.test" }));
    const token = linkIn(sink.messages[0]!).split("/set-password/")[1]!;
    expect(
      await invoke(setPasswordAction, formData({ token, password: PASSWORD, confirm: "other" })),
    ).toMatchObject({
      kind: "error",
      state: { fieldErrors: { confirm: ["The two passwords differ"] } },
    });
    expect(
      await invoke(setPasswordAction, formData({ token, password: PASSWORD, confirm: PASSWORD })),
    ).toEqual({ kind: "redirect", to: "/sign-in?password=set" });
    expect(
      await invoke(setPasswordAction, formData({ token, password: PASSWORD, confirm: PASSWORD })),
    ).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "This link has already been used. Each link sets a password once.",
      },
    });
  });
});
