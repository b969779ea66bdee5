import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/unsubscribe/[token]/route";
import UnsubscribePage from "@/app/(auth)/unsubscribe/[token]/page";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { signUnsubscribe, type UnsubscribeScope } from "@/lib/notifications/unsubscribe-token";
import { mailerFromEnv } from "@/lib/server/mail";
import { unsubscribeAction } from "@/lib/server/notifications/actions";
import { sendOutboxEmail, unsubscribeSecret } from "@/lib/server/notifications/email";
import { notify } from "@/lib/server/notifications/notify";
import { createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { startMailSink, type MailSink } from "../../support/mail-sink";
import { changedTables, fingerprint, formData, invoke } from "../action-harness";
import { clearQueue } from "./queue-helpers";

// One-click unsubscribe (RFC 8058): the List-Unsubscribe address answers a POST from anywhere,
// without a session; the emailed page asks first and changes nothing until its button is pressed.
vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
  sink.clear();
});

const tokenFor = (userId: number, scope: UnsubscribeScope) =>
  signUnsubscribe(unsubscribeSecret(), { userId, scope });

/** What a mail provider sends: a POST from its own site with the one-click body. */
const oneClick = (url: string) =>
  POST(
    new Request(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://mail.provider.example",
      },
      body: "List-Unsubscribe=One-Click",
    }),
    { params: Promise.resolve({ token: new URL(url).pathname.split("/").pop()! }) },
  );
const postToken = (token: string) =>
  oneClick(`http://guardians.test/api/unsubscribe/${encodeURIComponent(token)}`);

const choicesOf = async (userId: number) =>
  Object.fromEntries(
    (await db.notificationPreference.findMany({ where: { userId } })).map((p) => [p.kind, p.email]),
  ) as Partial<Record<NotificationKind, string>>;

describe("POST /api/unsubscribe/[token]", () => {
  it("turns off the kind an emailed notification came for, from its List-Unsubscribe header", async () => {
    const ada = await createUser(["GUARDIAN"], { email: "ada@example.test" });
    await db.$transaction((tx) =>
      notify(tx, {
        kind: "BELT_AWARDED",
        userIds: [ada.id],
        title: "You earned the Yellow belt",
        link: "/belts",
        eventKey: "belt:1",
      }),
    );
    const email = await db.notificationEmail.findFirstOrThrow();
    const mailer = mailerFromEnv({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.smtpPort),
      SMTP_TLS: "false",
      SMTP_FROM: "Guardians <guardians@example.test>",
    });
    expect(await sendOutboxEmail(email.id, mailer)).toBe("sent");
    const [message] = sink.to("ada@example.test");
    expect(message.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const address = /^<(https?:\/\/[^>]+)>$/.exec(message.headers["list-unsubscribe"])?.[1];
    expect(address).toMatch(/^http:\/\/localhost:3000\/api\/unsubscribe\//);

    const response = await oneClick(address!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Unsubscribed: no more emails for Belt awarded.\n");
    expect(await choicesOf(ada.id)).toEqual({ BELT_AWARDED: "OFF" });
    const [entry] = await db.auditLog.findMany({ where: { action: "unsubscribe by email link" } });
    expect(entry).toMatchObject({ actorId: ada.id, after: { BELT_AWARDED: "OFF" } });

    // A second press (providers retry): 200, nothing changes.
    const before = await fingerprint();
    const again = await oneClick(address!);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe("Unsubscribed: those emails were already off.\n");
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("refuses a token whose HMAC does not match, or that names someone else, changing nothing", async () => {
    const ada = await createUser(["GUARDIAN"]);
    const bob = await createUser(["GUARDIAN"]);
    const good = tokenFor(ada.id, { kind: "BELT_AWARDED" });
    const mac = good.split(".")[2]!;
    const flipped = `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`;
    const before = await fingerprint();
    for (const token of [
      flipped,
      `${bob.id}.BELT_AWARDED.${mac}`, // ada's signature on bob's id
      `${ada.id}.BELT_REVOKED.${mac}`, // ada's signature on another kind
      signUnsubscribe("another app's secret", { userId: ada.id, scope: { kind: "BELT_AWARDED" } }),
      `${ada.id}.NOT_A_KIND.${mac}`,
      "garbage",
    ]) {
      const response = await postToken(token);
      expect(response.status, token).toBe(404);
      expect(await response.json()).toEqual({
        error: "This unsubscribe link is not valid.",
        code: "not_found",
      });
    }
    // A valid signature for someone who no longer exists.
    expect((await postToken(tokenFor(999_999, { digest: true }))).status).toBe(404);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("turns off, for the daily digest's link, every kind that came in the digest", async () => {
    const ada = await createUser(["LEAD"]);
    await db.notificationPreference.createMany({
      data: [
        { userId: ada.id, kind: "BELT_AWARDED", email: "DIGEST" }, // default immediately
        { userId: ada.id, kind: "REVIEW_COMPLETED", email: "IMMEDIATE" }, // default digest
      ],
    });
    const response = await postToken(tokenFor(ada.id, { digest: true }));
    expect(response.status).toBe(200);
    expect(await choicesOf(ada.id)).toEqual({
      BELT_AWARDED: "OFF",
      REVIEW_COMPLETED: "IMMEDIATE",
      // Digest by default: off now.
      REVIEW_REQUESTED: "OFF",
      GUARDIAN_RATED: "OFF",
      THREAT_MODEL_APPROVED: "OFF",
      RECOGNITION_GIVEN: "OFF",
      BELT_RENEWED: "OFF",
      COVERAGE_ALERT: "OFF",
    });
    const before = await fingerprint();
    expect((await postToken(tokenFor(ada.id, { digest: true }))).status).toBe(200);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("answers a GET (a link opened, a mail scanner) with the page that asks first, changing nothing", async () => {
    const ada = await createUser(["GUARDIAN"]);
    const token = tokenFor(ada.id, { kind: "RECOGNITION_GIVEN" });
    const before = await fingerprint();
    const response = await GET(new Request(`http://guardians.test/api/unsubscribe/${token}`), {
      params: Promise.resolve({ token }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});

describe("the unsubscribe page", () => {
  const page = async (token: string) =>
    renderToStaticMarkup(await UnsubscribePage({ params: Promise.resolve({ token }) }));

  it("shows what will be turned off and changes nothing until the button is pressed", async () => {
    const ada = await createUser(["LEAD"]);
    const before = await fingerprint();
    const kind = await page(tokenFor(ada.id, { kind: "RECOGNITION_GIVEN" }));
    expect(kind).toContain("this turns off “Kudos or award received” emails.");
    expect(kind).toContain("Turn these emails off");
    const digest = await page(tokenFor(ada.id, { digest: true }));
    expect(digest).toContain("this turns off the daily digest.");
    expect(digest).toContain("<li>Review requested</li>");
    expect(digest).not.toContain("<li>Belt awarded</li>");
    expect(await page("garbage")).toContain("This link does not work");
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("turns the emails off with its button, and says so when they are off already", async () => {
    const ada = await createUser(["LEAD"]);
    const token = tokenFor(ada.id, { kind: "RECOGNITION_GIVEN" });
    expect(await invoke(unsubscribeAction, formData({ token }))).toEqual({
      kind: "ok",
      state: { status: "ok", message: "Done: no more emails for “Kudos or award received”." },
    });
    expect(await choicesOf(ada.id)).toEqual({ RECOGNITION_GIVEN: "OFF" });
    expect(await page(token)).toContain("are already off");
    expect(await invoke(unsubscribeAction, formData({ token }))).toMatchObject({
      kind: "ok",
      state: { message: "Those emails were already off: nothing changed." },
    });
    const before = await fingerprint();
    expect(await invoke(unsubscribeAction, formData({ token: `${token}x` }))).toEqual({
      kind: "error",
      state: { status: "error", message: "This unsubscribe link is not valid." },
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});
