import { describe, expect, it } from "vitest";
import { expiryText, invitationEmail, resetEmail } from "@/lib/identity/emails";

const url = "https://guardians.example.com/set-password/abc_DEF-123";
const expiresAt = new Date("2026-12-09T14:05:00Z");

describe("invitation email", () => {
  const mail = invitationEmail({
    personName: "Ada Lovelace",
    inviterName: "Grace Hopper",
    programName: "Security Guardians",
    url,
    expiresAt,
  });

  it("says who invited, to which program, the link and when it expires", () => {
    expect(mail.subject).toBe("You are invited to Security Guardians");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Ada Lovelace");
      expect(part).toContain("Grace Hopper has invited you to Security Guardians");
      expect(part).toContain(url);
      expect(part).toContain("Wednesday 9 December 2026, 14:05 UTC");
    }
    expect(mail.html).toContain(`href="${url}"`);
  });

  it("escapes every value in the HTML", () => {
    const hostile = invitationEmail({
      personName: `<script>alert(1)</script>`,
      inviterName: `Eve "the" O'Hara & co`,
      programName: "<b>Program</b>",
      url: `https://x.test/set-password/a"><img src=x>`,
      expiresAt,
    });
    expect(hostile.html).not.toMatch(/<script|<b>|<img/);
    expect(hostile.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile.html).toContain("Eve &quot;the&quot; O&#39;Hara &amp; co");
    expect(hostile.html).toContain(
      'href="https://x.test/set-password/a&quot;&gt;&lt;img src=x&gt;"',
    );
    // The plain text part is not HTML: it keeps the characters as typed.
    expect(hostile.text).toContain(`Eve "the" O'Hara & co`);
  });
});

describe("reset email", () => {
  const mail = resetEmail({
    personName: "Ada Lovelace",
    programName: "Security Guardians",
    url,
    expiresAt: new Date("2026-12-06T11:00:00Z"),
  });

  it("gives the link, its one-hour expiry and what to do if it was not asked for", () => {
    expect(mail.subject).toBe("Reset your Security Guardians password");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(url);
      expect(part).toContain("Sunday 6 December 2026, 11:00 UTC");
      expect(part).toContain("your password stays as it is");
    }
  });
});

describe("expiryText", () => {
  it("is written in UTC whatever the machine's zone", () => {
    expect(expiryText(new Date("2026-01-01T00:30:00Z"))).toBe("Thursday 1 January 2026, 00:30 UTC");
  });
});
