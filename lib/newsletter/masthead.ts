import { formatDate } from "@/lib/format";
import { parseQuarterKey, quarterLabel } from "@/lib/period";

// What makes an issue a document once it is printed or emailed: whose it is, the quarter it
// covers and when it was published (a draft says it is one).
export type Masthead = {
  org: string;
  /** The newsletter's quarter key, "2026-Q3". */
  quarter: string;
  publishedAt: Date | null;
};

/** "Retail · Q3 2026 · Published 4 Oct 2026". */
export function mastheadLine({ org, quarter, publishedAt }: Masthead): string {
  const q = parseQuarterKey(quarter);
  return [
    org,
    q ? quarterLabel(q) : quarter,
    publishedAt ? `Published ${formatDate(publishedAt)}` : "Draft, not yet published",
  ].join(" · ");
}
