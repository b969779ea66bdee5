import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { timeAgo } from "@/lib/format";
import { bellBadge, bellLabel } from "@/lib/notifications/bell";
import { KIND_ORDER } from "@/lib/notifications/kinds";
import { kindsByRelevance } from "@/lib/notifications/relevance";
import { notificationPreferencesSchema } from "@/lib/validations/notification";

describe("the bell", () => {
  it.each([
    [null, null, "Notifications"],
    [0, null, "Notifications"],
    [1, "1", "Notifications, 1 unread"],
    [99, "99", "Notifications, 99 unread"],
    [100, "99+", "Notifications, more than 99 unread"],
  ])("shows %s unread as badge %s, named %s", (unread, badge, label) => {
    expect(bellBadge(unread)).toBe(badge);
    expect(bellLabel(unread)).toBe(label);
  });
});

describe("kinds by relevance", () => {
  const actor = (roles: Role[]) => ({ id: 1, roles, orgScope: [1] });

  it("puts first what a person's roles make likely, and leaves no kind out", () => {
    const guardian = kindsByRelevance(actor(["GUARDIAN"]));
    expect(guardian.yours).toEqual(
      expect.arrayContaining(["BELT_AWARDED", "HOURS_REMINDER", "RECOGNITION_GIVEN"]),
    );
    expect(guardian.others).toEqual(
      expect.arrayContaining(["NOMINATION_SUBMITTED", "LEAD_DIGEST", "REVIEW_ASSIGNED"]),
    );
    const lead = kindsByRelevance(actor(["LEAD"]));
    expect(lead.yours).toEqual(expect.arrayContaining(["NOMINATION_SUBMITTED", "LEAD_DIGEST"]));
    expect(lead.others).not.toContain("LEAD_DIGEST");
    for (const roles of [[], ["BUILDER"], ["MANAGER", "GUARDIAN"], ["ADMIN"]] as Role[][]) {
      const { yours, others } = kindsByRelevance(actor(roles));
      expect([...yours, ...others].sort()).toEqual([...KIND_ORDER].sort());
    }
    // Without any role, what concerns everyone still comes first.
    expect(kindsByRelevance(actor([])).yours).toEqual([
      "RECOGNITION_GIVEN",
      "NEWSLETTER_PUBLISHED",
    ]);
  });
});

describe("time ago", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it.each([
    ["2026-12-07T11:59:30Z", "just now"],
    ["2026-12-07T11:55:00Z", "5 minutes ago"],
    ["2026-12-07T09:10:00Z", "2 hours ago"],
    ["2026-12-04T12:00:00Z", "3 days ago"],
  ])("%s is %s", (at, text) => expect(timeAgo(new Date(at), now)).toBe(text));
});

describe("the preferences form's schema", () => {
  it("takes any kinds with a choice each", () => {
    expect(
      notificationPreferencesSchema.parse({ BELT_AWARDED: "OFF", HOURS_REMINDER: "IMMEDIATE" }),
    ).toEqual({ BELT_AWARDED: "OFF", HOURS_REMINDER: "IMMEDIATE" });
  });

  it.each([
    [{ LEAD_DIGEST: "DIGEST" }, ["LEAD_DIGEST"]],
    [{ FOO: "OFF", BELT_AWARDED: "OFF" }, []],
    [{ BELT_AWARDED: "digest" }, ["BELT_AWARDED"]],
    [{ BELT_AWARDED: ["OFF", "OFF"] }, ["BELT_AWARDED"]],
    [{}, []],
  ])("refuses %j", (input, path) => {
    const result = notificationPreferencesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
