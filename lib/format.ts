const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatDate = (d: Date) => dateFormat.format(d);

const ENUM_WORDS: Record<string, string> = { QUICK_WINS: "Quick wins", HIGH_IMPACT: "High impact", HIGH_RISK: "High risk", NONE: "None" };

/** SPRINT_STORY → "Sprint story". */
export function humanize(value: string): string {
  return ENUM_WORDS[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
}
