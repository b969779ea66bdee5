import type { ChatTool } from "@/lib/generated/prisma/enums";

// The bodies posted to a channel's incoming webhook: Slack Block Kit and a Teams Adaptive Card
// (docs/chat-channels.md). Pure, so the exact JSON is pinned by unit tests. Titles and texts come
// from the program's records (team and people names), so they are neutralised for each tool's
// markup: nobody's name can mention @channel in Slack or dress up a link in Teams.

type ChatMessage = {
  title: string;
  text: string;
  /** Where the message leads in the app: an absolute http(s) URL. */
  url: string;
  /** The link's words. */
  linkLabel?: string;
};

const LINK_LABEL = "Open in Guardians";
/** Well under Slack's 3,000 characters per section and Teams' 28 KB per card. */
const MAX_TEXT = 2_000;
const MAX_TITLE = 150;

function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Slack's mrkdwn control characters as entities, as Slack asks: `<` and `>` would otherwise open
 * a link or a mention (`<!channel>`, `<@U123>`) and `&` an entity.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The link's address made safe inside Slack's `<url|label>` and in a card's action. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error("A chat message links only to an http(s) address.");
  // URL.href percent-encodes spaces and quotes; `|`, `<` and `>` would end Slack's link early.
  return parsed.href.replace(/\|/g, "%7C").replace(/</g, "%3C").replace(/>/g, "%3E");
}

type SlackPayload = {
  text: string;
  blocks: (
    | { type: "section"; text: { type: "mrkdwn"; text: string } }
    | { type: "context"; elements: { type: "mrkdwn"; text: string }[] }
  )[];
  unfurl_links: false;
  unfurl_media: false;
};

/**
 * A Block Kit message: the title in bold over the text, and a context line linking to the app.
 * A link rather than a button: with an incoming webhook, a button click goes to an app endpoint
 * that does not exist, and Slack shows a warning beside it. `text` is the notification's
 * fallback (phones, screen readers).
 */
export function slackPayload(m: ChatMessage): SlackPayload {
  const title = escapeSlack(clip(m.title, MAX_TITLE));
  const text = escapeSlack(clip(m.text, MAX_TEXT));
  const label = escapeSlack(clip(m.linkLabel ?? LINK_LABEL, 75));
  return {
    text: text ? `${title}: ${text}` : title,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: text ? `*${title}*\n${text}` : `*${title}*` },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `<${safeUrl(m.url)}|${label}>` }] },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
}

/**
 * Text for an Adaptive Card's TextBlock, which renders a little Markdown: brackets are escaped so
 * a name cannot become a link, and single line breaks doubled (Markdown joins single ones).
 */
export function escapeTeams(text: string): string {
  return text.replace(/([\\[\]])/g, "\\$1").replace(/\r?\n/g, "\n\n");
}

type TextBlock = {
  type: "TextBlock";
  text: string;
  wrap: true;
  weight?: "Bolder";
  size?: "Medium";
};

type TeamsPayload = {
  type: "message";
  attachments: {
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: {
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
      type: "AdaptiveCard";
      version: "1.4";
      body: TextBlock[];
      actions: { type: "Action.OpenUrl"; title: string; url: string }[];
    };
  }[];
};

/**
 * A message with one Adaptive Card, as Teams incoming webhooks and Workflows ("When a Teams
 * webhook request is received") take it: the title, the text, and a button opening the app.
 */
export function teamsPayload(m: ChatMessage): TeamsPayload {
  const text = clip(m.text, MAX_TEXT);
  const body: TextBlock[] = [
    {
      type: "TextBlock",
      text: escapeTeams(clip(m.title, MAX_TITLE)),
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    },
  ];
  if (text) body.push({ type: "TextBlock", text: escapeTeams(text), wrap: true });
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [
            {
              type: "Action.OpenUrl",
              title: clip(m.linkLabel ?? LINK_LABEL, 75),
              url: safeUrl(m.url),
            },
          ],
        },
      },
    ],
  };
}

/** The body for a tool's incoming webhook. */
export function chatPayload(tool: ChatTool, m: ChatMessage): SlackPayload | TeamsPayload {
  return tool === "SLACK" ? slackPayload(m) : teamsPayload(m);
}
