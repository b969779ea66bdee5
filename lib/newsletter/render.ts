import { escapeHtml as escape } from "@/lib/html-escape";
import type { NewsletterContent } from "./assemble";
import { mastheadLine, type Masthead } from "./masthead";

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

// Email clients drop <style> blocks, so every element carries its style inline.
const BODY =
  "font-family:system-ui,sans-serif;color:#0f172a;max-width:680px;margin:0 auto;padding:16px";
const HIGHLIGHTS =
  "border-left:4px solid #2559b8;padding:8px 12px;margin:0 0 16px;background:#eef6ff";
const TABLE = "border-collapse:collapse;width:100%;font-size:13px";
const HEADER_CELL = "text-align:left;border-bottom:1px solid #cbd5e1;padding:4px";
const CELL = "border-bottom:1px solid #e2e8f0;padding:4px";
const MASTHEAD =
  "color:#475569;font-size:13px;margin:0 0 8px;padding-bottom:6px;border-bottom:1px solid #cbd5e1";

function htmlTable(table: { columns: string[]; rows: string[][] }): string {
  const head = table.columns.map((col) => `<th style="${HEADER_CELL}">${escape(col)}</th>`);
  const rows = table.rows.map(
    (r) => `<tr>${r.map((cell) => `<td style="${CELL}">${escape(cell)}</td>`).join("")}</tr>`,
  );
  const body = `<tbody>${rows.join("")}</tbody>`;
  return `<table style="${TABLE}"><thead><tr>${head.join("")}</tr></thead>${body}</table>`;
}

/** The email's HTML part: inline styles only, every value escaped. */
export function renderHtml(c: NewsletterContent, masthead: Masthead, readUrl?: string): string {
  const p = (t: string) => `<p style="margin:0 0 12px;line-height:1.5">${escape(t)}</p>`;
  const parts = [
    `<p style="${MASTHEAD}">${escape(mastheadLine(masthead))}</p>`,
    `<h1 style="font-size:22px;margin:0 0 4px">${escape(c.title)}</h1>`,
    `<p style="color:#475569;margin:0 0 20px">${escape(c.subtitle)}</p>`,
    ...(c.intro ? paragraphs(c.intro).map(p) : []),
    ...(c.highlights
      ? [`<div style="${HIGHLIGHTS}">${paragraphs(c.highlights).map(p).join("")}</div>`]
      : []),
    ...c.sections.map((s) =>
      [
        `<h2 style="font-size:17px;margin:20px 0 8px">${escape(s.heading)}</h2>`,
        ...s.paragraphs.map(p),
        s.table ? htmlTable(s.table) : "",
      ].join(""),
    ),
    readUrl
      ? `<p style="margin-top:24px"><a href="${escape(readUrl)}">Read it in Guardians</a></p>`
      : "",
  ];
  return `<!doctype html><html><body style="${BODY}">${parts.join("")}</body></html>`;
}

/** The plain-text part. */
export function renderText(c: NewsletterContent, masthead: Masthead, readUrl?: string): string {
  const lines = [
    mastheadLine(masthead),
    "",
    c.title,
    "=".repeat(Math.min(c.title.length, 72)),
    c.subtitle,
    "",
  ];
  if (c.intro) lines.push(...paragraphs(c.intro).flatMap((p) => [p, ""]));
  if (c.highlights) lines.push(...paragraphs(c.highlights).flatMap((p) => [`> ${p}`, ""]));
  for (const s of c.sections) {
    lines.push(s.heading, "-".repeat(s.heading.length), ...s.paragraphs.flatMap((p) => [p, ""]));
    if (s.table)
      lines.push(s.table.columns.join(" | "), ...s.table.rows.map((r) => r.join(" | ")), "");
  }
  if (readUrl) lines.push(`Read it in Guardians: ${readUrl}`);
  return lines.join("\n").trim() + "\n";
}
