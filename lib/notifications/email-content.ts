import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { escapeHtml } from "@/lib/html-escape";
import { NOTIFICATION_KINDS } from "./kinds";

export type EmailItem = {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the app. */
  link: string;
  createdAt: Date;
};

export type NotificationEmailContent = { subject: string; text: string; html: string };

const BODY =
  "font-family:system-ui,sans-serif;color:#0f172a;max-width:640px;margin:0 auto;padding:16px";
const ITEM = "margin:0 0 16px;padding:0 0 12px;border-bottom:1px solid #e2e8f0";
const MUTED = "color:#475569;font-size:13px";
// A body of several lines (the leads' weekly digest) keeps its lines.
const ITEM_BODY = "margin:0;white-space:pre-line";

/**
 * An email for one notification (immediate) or several (the daily digest): a plain-text part and
 * an HTML part with the same content, each item linking to its record, and a footer saying how
 * to change preferences or unsubscribe in one click.
 */
export function notificationEmail(input: {
  name: string;
  items: EmailItem[];
  digestDay: string | null;
  baseUrl: string;
  unsubscribeUrl: string;
}): NotificationEmailContent {
  const { items, baseUrl } = input;
  const url = (link: string) => `${baseUrl}${link}`;
  const preferences = url("/notifications/preferences");
  const subject =
    input.digestDay === null
      ? items[0].title
      : `Your Guardians digest for ${input.digestDay}: ${items.length} ${items.length === 1 ? "update" : "updates"}`;
  const stopWhat =
    input.digestDay === null
      ? `"${NOTIFICATION_KINDS[items[0].kind].label}" emails`
      : "the daily digest";
  const text = [
    `Hello ${input.name},`,
    "",
    ...items.flatMap((i) => [i.title, ...(i.body ? [i.body] : []), url(i.link), ""]),
    "--",
    `Choose which emails you get: ${preferences}`,
    `Stop ${stopWhat}: ${input.unsubscribeUrl}`,
    "",
  ].join("\n");
  const html = [
    `<!doctype html><html><body style="${BODY}">`,
    `<p>Hello ${escapeHtml(input.name)},</p>`,
    ...items.map(
      (i) =>
        `<div style="${ITEM}"><p style="margin:0 0 4px;font-weight:600"><a href="${escapeHtml(url(i.link))}">${escapeHtml(i.title)}</a></p>` +
        (i.body ? `<p style="${ITEM_BODY}">${escapeHtml(i.body)}</p>` : "") +
        `</div>`,
    ),
    `<p style="${MUTED}"><a href="${escapeHtml(preferences)}">Choose which emails you get</a> · `,
    `<a href="${escapeHtml(input.unsubscribeUrl)}">Stop ${escapeHtml(stopWhat)}</a></p>`,
    `</body></html>`,
  ].join("");
  return { subject, text, html };
}
