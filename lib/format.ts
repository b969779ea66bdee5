import { formatDistanceStrict } from "date-fns";
import { isoDay } from "@/lib/period";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export const formatDate = (d: Date) => dateFormat.format(d);

const monthFormat = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "March 2026": the UTC calendar month of an instant. */
export const formatMonth = (d: Date) => monthFormat.format(d);

/** "Figures as of 14:05 UTC" (with the date when not today), for figures that may be a minute old. */
export function figuresAsOf(at: Date, now = new Date()): string {
  const time = at.toISOString().slice(11, 16);
  const sameDay = isoDay(at) === isoDay(now);
  return `Figures as of ${sameDay ? "" : `${isoDay(at)} `}${time} UTC.`;
}

/** "1 review", "3 reviews", "2 people": a count with its noun. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "7 Dec 2026, 14:05 UTC": a moment, to the minute. */
export const formatDateTime = (d: Date) => `${formatDate(d)}, ${d.toISOString().slice(11, 16)} UTC`;

/** "just now", "5 minutes ago", "3 days ago": how long ago something happened. */
export function timeAgo(at: Date, now = new Date()): string {
  if (now.getTime() - at.getTime() < 60_000) return "just now";
  return formatDistanceStrict(at, now, { addSuffix: true, roundingMethod: "floor" });
}
