import { describe, expect, it } from "vitest";
import {
  browseUrl,
  jiraBaseUrlProblem,
  jiraCommentText,
  jiraSignature,
  jiraSiteFrom,
  signatureMatches,
} from "@/lib/jira/config";

describe("Jira connection", () => {
  it("checks the body's HMAC signature in constant time", () => {
    const sig = jiraSignature("s3cret", '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureMatches("s3cret", '{"a":1}', sig)).toBe(true);
    expect(signatureMatches("s3cret", '{"a":2}', sig)).toBe(false);
    expect(signatureMatches("other", '{"a":1}', sig)).toBe(false);
    expect(signatureMatches("s3cret", '{"a":1}', null)).toBe(false);
    expect(signatureMatches("s3cret", '{"a":1}', "sha256=00")).toBe(false);
  });

  it.each([
    ["https://example.atlassian.net", null],
    ["https://example.atlassian.net/", null],
    [
      "https://jira.example.com",
      "jira.example.com is not a Jira Cloud host: name a self-hosted Jira in JIRA_ALLOW_HOSTS.",
    ],
    [
      "http://example.atlassian.net",
      "JIRA_BASE_URL must be a Jira site address, e.g. https://example.atlassian.net",
    ],
    [
      "https://user:pw@example.atlassian.net",
      "JIRA_BASE_URL must be a Jira site address, e.g. https://example.atlassian.net",
    ],
    [
      "https://example.atlassian.net:8443",
      "JIRA_BASE_URL must be a Jira site address, e.g. https://example.atlassian.net",
    ],
    ["not a url", "JIRA_BASE_URL must be a Jira site address, e.g. https://example.atlassian.net"],
  ])("base URL %s → %s", (url, problem) => expect(jiraBaseUrlProblem(url)).toBe(problem));

  it("allows a self-hosted Jira named in JIRA_ALLOW_HOSTS, over http too", () => {
    expect(jiraBaseUrlProblem("http://127.0.0.1:8080", ["127.0.0.1"])).toBeNull();
    expect(jiraBaseUrlProblem("ftp://127.0.0.1", ["127.0.0.1"])).not.toBeNull();
  });

  it("reads the site from the environment: basic auth with an email, a bearer token without", () => {
    expect(jiraSiteFrom({})).toBeNull();
    expect(jiraSiteFrom({ JIRA_BASE_URL: "https://x.atlassian.net" })).toBeNull();
    expect(jiraSiteFrom({ JIRA_BASE_URL: "https://evil.example", JIRA_API_TOKEN: "t" })).toBeNull();
    expect(
      jiraSiteFrom({
        JIRA_BASE_URL: "https://x.atlassian.net/",
        JIRA_API_TOKEN: "t",
        JIRA_USER_EMAIL: "a@b.c",
      }),
    ).toEqual({
      baseUrl: "https://x.atlassian.net",
      authorization: `Basic ${Buffer.from("a@b.c:t").toString("base64")}`,
    });
    expect(
      jiraSiteFrom({ JIRA_BASE_URL: "https://x.atlassian.net", JIRA_API_TOKEN: "pat" })
        ?.authorization,
    ).toBe("Bearer pat");
  });

  it("links the issue on the configured site, else on the event's own site", () => {
    expect(browseUrl("SEC-1", "https://x.atlassian.net", null)).toBe(
      "https://x.atlassian.net/browse/SEC-1",
    );
    expect(browseUrl("SEC-1", null, "https://y.atlassian.net/rest/api/2/issue/10001")).toBe(
      "https://y.atlassian.net/browse/SEC-1",
    );
    expect(browseUrl("SEC-1", null, "javascript:alert(1)")).toBe("SEC-1");
  });

  it("words each status change", () => {
    const r = { key: "REV-000001", service: "Payments", url: "https://app/reviews/1" };
    expect(jiraCommentText(r, { event: "requested" })).toBe(
      "Security review REV-000001 (Payments) was requested from this issue.\nhttps://app/reviews/1",
    );
    expect(jiraCommentText(r, { event: "started", engineer: "Ada" })).toMatch(
      /has started; Ada runs it\./,
    );
    expect(jiraCommentText(r, { event: "completed", outcome: "CHANGES_REQUIRED" })).toMatch(
      /is complete: Changes required\./,
    );
  });
});
