import { formatDate } from "@/lib/format";
import type { ValidityEffect } from "./rule-change";
import type { BeltName } from "./default-rules";

// What the rule editor tells a lead: the preview before saving, and what saving did.

const MAX_NAMES = 30;

const list = (names: string[]) =>
  `${names.slice(0, MAX_NAMES).join(", ")}${names.length > MAX_NAMES ? "…" : ""}`;

const effectText = (e: ValidityEffect) =>
  e.kind === "renews"
    ? e.expiresOn
      ? `renews until ${formatDate(e.expiresOn)}`
      : "renews, no longer expiring"
    : e.kind === "expires"
      ? `expires on ${formatDate(e.expiresOn)}`
      : "no longer expires";

export function rulePreviewMessage(preview: {
  newlyQualifying: { name: string; belt: BeltName }[];
  holders: ({ name: string } & ValidityEffect)[];
}): string {
  const earn = preview.newlyQualifying.map((p) => `${p.name} (${p.belt.toLowerCase()})`);
  const parts = [
    earn.length
      ? `${earn.length} would earn a belt: ${list(earn)}.`
      : "No one new would earn a belt under this rule.",
  ];
  for (const kind of ["expires", "renews", "no-longer-expires"] as const) {
    const rows = preview.holders.filter((h) => h.kind === kind);
    if (rows.length === 0) continue;
    const heading = {
      expires: "would expire unless renewed",
      renews: "would renew now",
      "no-longer-expires": "would no longer expire",
    }[kind];
    parts.push(
      `${rows.length} ${heading}: ${list(rows.map((h) => `${h.name} (${effectText(h)})`))}.`,
    );
  }
  return parts.join(" ");
}

export function ruleOutcome(changed: { renewal?: boolean }[]): string {
  const renewed = changed.filter((c) => c.renewal).length;
  const awarded = changed.length - renewed;
  const s = (n: number) => (n === 1 ? "" : "s");
  return `Rule saved. ${awarded} new belt${s(awarded)} awarded, ${renewed} renewed.`;
}
