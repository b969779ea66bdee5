import { createHmac, timingSafeEqual } from "node:crypto";
import type { ReviewOutcome } from "@/lib/vocabulary";
import { REVIEW_OUTCOME } from "@/lib/vocabulary";

// Connecting Jira (README, "Connecting Jira"): the webhook's shared secret, and the site the
// review's status changes are posted back to. Pure (no database): the webhook route, the
// comment job and the tests read it.

/** Deliveries older (or newer) than this are refused as replays; the delivery ids are kept longer. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** A Jira issue key: PROJECT-123. */
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

/** `sha256=<hex>`: the HMAC of the raw body with the shared secret, as Jira's webhooks sign it. */
export function jiraSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Whether the signature header matches the body (compared in constant time). */
export function signatureMatches(secret: string, body: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(jiraSignature(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Jira Cloud's own hosts; a self-hosted Jira is named in JIRA_ALLOW_HOSTS. */
const CLOUD_HOST_SUFFIXES = [".atlassian.net", ".jira.com"];

/**
 * Why a Jira base URL cannot be posted to, or null when it can. The app posts from inside the
 * network, so only Jira Cloud's hosts over HTTPS pass, or hosts the operator names in
 * JIRA_ALLOW_HOSTS (a self-hosted Jira, a local stand-in in tests), like the chat webhooks'
 * rule (lib/notifications/webhook-url.ts).
 */
export function jiraBaseUrlProblem(raw: string, extraHosts: string[] = []): string | null {
  const wrong = "JIRA_BASE_URL must be a Jira site address, e.g. https://example.atlassian.net";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return wrong;
  }
  if (url.username || url.password || url.search || url.hash) return wrong;
  const host = url.hostname.toLowerCase();
  if (extraHosts.includes(host)) return /^https?:$/.test(url.protocol) ? null : wrong;
  if (url.protocol !== "https:" || url.port !== "") return wrong;
  return CLOUD_HOST_SUFFIXES.some((s) => host.endsWith(s))
    ? null
    : `${host} is not a Jira Cloud host: name a self-hosted Jira in JIRA_ALLOW_HOSTS.`;
}

type JiraSite = { baseUrl: string; authorization: string };

/**
 * The Jira site to post comments to, from the environment: JIRA_BASE_URL and JIRA_API_TOKEN
 * (with JIRA_USER_EMAIL: Jira Cloud's basic auth with an API token; without: a Data Center
 * personal access token as a bearer). Null when not configured, or when the URL is not allowed.
 */
export function jiraSiteFrom(env: Record<string, string | undefined>): JiraSite | null {
  const base = env.JIRA_BASE_URL?.trim();
  const token = env.JIRA_API_TOKEN?.trim();
  if (!base || !token) return null;
  if (jiraBaseUrlProblem(base, allowedJiraHosts(env.JIRA_ALLOW_HOSTS))) return null;
  const email = env.JIRA_USER_EMAIL?.trim();
  return {
    baseUrl: base.replace(/\/+$/, ""),
    authorization: email
      ? `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`
      : `Bearer ${token}`,
  };
}

function allowedJiraHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

export const commentUrl = (site: JiraSite, issueKey: string) =>
  `${site.baseUrl}/rest/api/2/issue/${encodeURIComponent(issueKey)}/comment`;

/** The issue's page: on the configured site, else on the site the event came from. */
export function browseUrl(issueKey: string, baseUrl: string | null, self: string | null): string {
  let origin = baseUrl;
  if (!origin && self) {
    try {
      const url = new URL(self);
      if (url.protocol === "https:" || url.protocol === "http:") origin = url.origin;
    } catch {
      // no usable address in the event
    }
  }
  return origin ? `${origin}/browse/${issueKey}` : issueKey;
}

export type ReviewEvent =
  | { event: "requested" }
  | { event: "started"; engineer: string }
  | { event: "completed"; outcome: ReviewOutcome };

/** The comment posted back to the issue for a status change of its review. */
export function jiraCommentText(
  review: { key: string; service: string; url: string },
  e: ReviewEvent,
): string {
  const what =
    e.event === "requested"
      ? "was requested from this issue"
      : e.event === "started"
        ? `has started; ${e.engineer} runs it`
        : `is complete: ${REVIEW_OUTCOME.label(e.outcome)}`;
  return `Security review ${review.key} (${review.service}) ${what}.\n${review.url}`;
}
