import { describe, expect, it } from "vitest";
import { notificationEmail } from "@/lib/notifications/email-content";
import { emailChoice, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { signUnsubscribe, verifyUnsubscribe } from "@/lib/notifications/unsubscribe-token";

const SECRET = "a-test-secret";

describe("unsubscribe tokens", () => {
  it("round-trips a kind and the digest, and refuses anything altered or foreign", () => {
    const kind = signUnsubscribe(SECRET, { userId: 42, scope: { kind: "BELT_AWARDED" } });
    const digest = signUnsubscribe(SECRET, { userId: 42, scope: { digest: true } });
    expect(kind).toMatch(/^42\.BELT_AWARDED\.[\w-]{32}$/);
    expect(verifyUnsubscribe(SECRET, kind)).toEqual({
      userId: 42,
      scope: { kind: "BELT_AWARDED" },
    });
    expect(verifyUnsubscribe(SECRET, digest)).toEqual({ userId: 42, scope: { digest: true } });
    const mac = kind.split(".")[2];
    expect(verifyUnsubscribe(SECRET, `43.BELT_AWARDED.${mac}`)).toBeNull(); // someone else
    expect(verifyUnsubscribe(SECRET, `42.BELT_REVOKED.${mac}`)).toBeNull(); // another kind
    expect(verifyUnsubscribe("another secret", kind)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `42.NOT_A_KIND.${mac}`)).toBeNull();
    expect(verifyUnsubscribe(SECRET, "")).toBeNull();
    expect(verifyUnsubscribe(SECRET, `${kind}x`)).toBeNull();
  });
});

describe("email choices", () => {
  it("takes the person's choice, else the kind's default; a summary is never held for the digest", () => {
    expect(emailChoice("REVIEW_ASSIGNED", {})).toBe(
      NOTIFICATION_KINDS.REVIEW_ASSIGNED.defaultEmail,
    );
    expect(emailChoice("REVIEW_ASSIGNED", { REVIEW_ASSIGNED: "OFF" })).toBe("OFF");
    expect(emailChoice("LEAD_DIGEST", { LEAD_DIGEST: "DIGEST" })).toBe("IMMEDIATE");
    expect(emailChoice("LEAD_DIGEST", { LEAD_DIGEST: "OFF" })).toBe("OFF");
  });
});

describe("notification emails", () => {
  const item = (title: string, body = "") => ({
    kind: "GUARDIAN_RATED" as const,
    title,
    body,
    link: "/feedback",
    createdAt: new Date("2026-12-06T10:00:00Z"),
  });

  it("says the same in text and HTML, links each item and the way out, and escapes what people wrote", () => {
    const email = notificationEmail({
      name: "Ada <script>",
      items: [item('Rated 5 of 5: "great <b>work</b>"', "Thanks & well done")],
      digestDay: null,
      baseUrl: "https://guardians.example",
      unsubscribeUrl: "https://guardians.example/unsubscribe/t",
    });
    expect(email.subject).toBe('Rated 5 of 5: "great <b>work</b>"');
    expect(email.text).toContain("https://guardians.example/feedback");
    expect(email.text).toContain(
      'Stop "Your input was rated" emails: https://guardians.example/unsubscribe/t',
    );
    expect(email.html).toContain('href="https://guardians.example/feedback"');
    expect(email.html).toContain("Ada &lt;script&gt;");
    expect(email.html).toContain("&quot;great &lt;b&gt;work&lt;/b&gt;&quot;");
    expect(email.html).toContain("Thanks &amp; well done");
    expect(email.html).not.toContain("<script>");
  });

  it("gathers a digest's items under one subject that counts them", () => {
    const email = notificationEmail({
      name: "Ada",
      items: [item("First"), item("Second")],
      digestDay: "2026-12-07",
      baseUrl: "https://guardians.example",
      unsubscribeUrl: "https://guardians.example/unsubscribe/d",
    });
    expect(email.subject).toBe("Your Guardians digest for 2026-12-07: 2 updates");
    expect(email.text.indexOf("First")).toBeLessThan(email.text.indexOf("Second"));
    expect(email.text).toContain("Stop the daily digest: https://guardians.example/unsubscribe/d");
  });
});
