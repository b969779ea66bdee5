import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_TYPE,
  ALERT_KIND,
  BELT,
  CHANNEL_EVENT,
  CHAT_TOOL,
  csvWord,
  EMAIL_CHOICE,
  EVENT_KIND,
  NOTIFICATION_KIND,
  DELIVERY_STATUS,
  FINDING_STATUS,
  GOAL_METRIC,
  GUARDIAN_STATUS,
  MITIGATION_STATUS,
  NEWSLETTER_STATUS,
  RECOGNITION_KIND,
  SIGN_IN_LINK_KIND,
  REVIEW_OUTCOME,
  ROLE,
  SEVERITY,
  SEVERITY_WEIGHT,
  SPOT_CHECK_OUTCOME,
  STRIDE_CATEGORY,
  STRIDE_LETTERS,
  SURVEY_QUESTION_KIND,
  SURVEY_STATUS,
  TEAM_PROFILE,
  TEAM_PROFILE_HINTS,
  THREAT_MODEL_STATUS,
  type Vocabulary,
} from "@/lib/vocabulary";

// The schema itself, read as text: the vocabulary must follow it value for value, in order.
function schemaEnums(): Map<string, string[]> {
  const text = readFileSync(
    path.resolve(import.meta.dirname, "../../prisma/schema.prisma"),
    "utf8",
  );
  const enums = new Map<string, string[]>();
  for (const m of text.matchAll(/^enum (\w+) \{([^}]*)\}/gm))
    enums.set(
      m[1],
      m[2]
        .split("\n")
        .map((l) => l.replace(/\/\/.*/, "").trim())
        .filter(Boolean),
    );
  return enums;
}

const VOCABULARIES: Record<string, Vocabulary<string>> = {
  Role: ROLE,
  TeamProfile: TEAM_PROFILE,
  GuardianStatus: GUARDIAN_STATUS,
  ActivityType: ACTIVITY_TYPE,
  Severity: SEVERITY,
  FindingStatus: FINDING_STATUS,
  ReviewOutcome: REVIEW_OUTCOME,
  ThreatModelStatus: THREAT_MODEL_STATUS,
  StrideCategory: STRIDE_CATEGORY,
  MitigationStatus: MITIGATION_STATUS,
  Belt: BELT,
  RecognitionKind: RECOGNITION_KIND,
  SignInLinkKind: SIGN_IN_LINK_KIND,
  NewsletterStatus: NEWSLETTER_STATUS,
  DeliveryStatus: DELIVERY_STATUS,
  SurveyQuestionKind: SURVEY_QUESTION_KIND,
  SurveyStatus: SURVEY_STATUS,
  GoalMetric: GOAL_METRIC,
  ChatTool: CHAT_TOOL,
  ChannelEvent: CHANNEL_EVENT,
  AlertKind: ALERT_KIND,
  NotificationKind: NOTIFICATION_KIND,
  EmailChoice: EMAIL_CHOICE,
  SpotCheckOutcome: SPOT_CHECK_OUTCOME,
  EventKind: EVENT_KIND,
};

describe("vocabulary", () => {
  it("has one vocabulary per enum of the schema, with its values in the schema's order", () => {
    const enums = schemaEnums();
    expect([...enums.keys()].sort()).toEqual(Object.keys(VOCABULARIES).sort());
    for (const [name, values] of enums) expect(VOCABULARIES[name].values, name).toEqual(values);
  });

  it.each(Object.entries(VOCABULARIES))("%s: every value has its own, non-empty label", (_, v) => {
    for (const value of v.values) expect(v.label(value).trim()).not.toBe("");
    expect(new Set(v.values.map(v.label)).size).toBe(v.values.length);
    expect(Object.keys(v.labels).sort()).toEqual([...v.values].sort());
    expect(v.options).toEqual(v.values.map((value) => ({ value, label: v.label(value) })));
  });

  it("uses the Log hours wording for activities", () => {
    expect(ACTIVITY_TYPE.label("SPRINT_STORY")).toBe("Security stories for the sprint");
    expect(ACTIVITY_TYPE.label("QUESTION")).toBe("Answering security questions");
    expect(ROLE.label("LEAD")).toBe("Program lead");
    expect(REVIEW_OUTCOME.label("APPROVED_WITH_FINDINGS")).toBe("Approved with findings");
  });

  it("ranks values in the schema's order", () => {
    expect(BELT.rank("WHITE")).toBe(0);
    expect(BELT.rank("BLACK")).toBe(3);
    expect(SEVERITY.rank("CRITICAL")).toBeLessThan(SEVERITY.rank("LOW"));
  });

  it("spells values the spreadsheet way", () => {
    expect(csvWord("SECURITY_ENGINEER")).toBe("security-engineer");
    expect(csvWord("FALSE_POSITIVE")).toBe("false-positive");
    expect(TEAM_PROFILE.values.map(csvWord)).toEqual([
      "quick-wins",
      "high-impact",
      "high-risk",
      "none",
    ]);
  });

  it("weighs severities for the risk budget as DESIGN.md says", () => {
    expect(SEVERITY_WEIGHT).toEqual({ CRITICAL: 10, HIGH: 5, MEDIUM: 2, LOW: 1 });
  });

  it("maps each STRIDE letter to the category it starts", () => {
    expect(Object.values(STRIDE_LETTERS).sort()).toEqual([...STRIDE_CATEGORY.values].sort());
    for (const [letter, category] of Object.entries(STRIDE_LETTERS))
      expect(category[0].toLowerCase()).toBe(letter);
  });

  it("describes every team profile but NONE", () => {
    for (const p of TEAM_PROFILE.values) expect(Boolean(TEAM_PROFILE_HINTS[p])).toBe(p !== "NONE");
  });
});
