import type { ChatTool } from "@/lib/generated/prisma/enums";

// Which addresses a channel's webhook may have. The app POSTs to it from inside the network, so
// only the tools' own hosts pass (no request forgery against internal services); tests and
// local stand-ins name extra hosts in CHAT_WEBHOOK_ALLOW_HOSTS (docs/chat-channels.md), never
// set in production.

const MAX_LENGTH = 2_048;

/** Slack's incoming webhooks: https://hooks.slack.com/services/T…/B…/secret */
const SLACK_PATH = /^\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/;

/**
 * Teams: a channel's incoming webhook (https://<tenant>.webhook.office.com/webhookb2/…) or a
 * Workflows / Power Automate trigger ("When a Teams webhook request is received").
 */
const TEAMS_HOST_SUFFIXES = [
  ".webhook.office.com",
  ".logic.azure.com",
  ".environment.api.powerplatform.com",
];

export const WEBHOOK_URL_MESSAGES: Record<ChatTool, string> = {
  SLACK: "Paste a Slack incoming-webhook URL: https://hooks.slack.com/services/…",
  TEAMS:
    "Paste a Teams incoming-webhook URL (https://….webhook.office.com/…) or a Workflows URL (https://….logic.azure.com/… or https://….environment.api.powerplatform.com/…)",
};

/** The extra hosts CHAT_WEBHOOK_ALLOW_HOSTS names (comma-separated), lower case. */
export function allowedTestHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** Why a URL cannot be a tool's webhook, or null when it can. */
export function webhookUrlProblem(
  tool: ChatTool,
  raw: string,
  extraHosts: string[] = [],
): string | null {
  const wrong = WEBHOOK_URL_MESSAGES[tool];
  if (raw.length > MAX_LENGTH) return `Keep the URL under ${MAX_LENGTH} characters.`;
  if (/[\s\p{Cc}]/u.test(raw)) return wrong;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return wrong;
  }
  if (url.username || url.password) return wrong;
  const host = url.hostname.toLowerCase();
  if (extraHosts.includes(host)) return /^https?:$/.test(url.protocol) ? null : wrong;
  // The tools' own hosts, on the standard port (URL drops an explicit :443).
  if (url.protocol !== "https:" || url.port !== "") return wrong;
  if (tool === "SLACK")
    return host === "hooks.slack.com" && SLACK_PATH.test(url.pathname) && !url.search
      ? null
      : wrong;
  return TEAMS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix)) && url.pathname.length > 1
    ? null
    : wrong;
}

/**
 * What the settings page shows of a saved URL: the host and the last four letters or digits,
 * enough to recognise it (`hooks.slack.com/…/AbC9`), never enough to use it.
 */
export function webhookUrlHint(raw: string): string {
  const url = new URL(raw);
  const tail = `${url.pathname}${url.search}`.replace(/[^A-Za-z0-9]/g, "").slice(-4);
  return `${url.host}/…/${tail}`;
}
