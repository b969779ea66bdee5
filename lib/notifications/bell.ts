// What the bell in the header shows of the unread count: a badge up to "99+", and a name that
// says the same to a screen reader. The server counts no further than UNREAD_CAP.

export const UNREAD_CAP = 100;

/** The badge's text, or null for no badge (nothing unread, or the count is unknown). */
export function bellBadge(unread: number | null): string | null {
  if (!unread || unread <= 0) return null;
  return unread > 99 ? "99+" : String(unread);
}

/** The bell link's accessible name: "Notifications, 3 unread". */
export function bellLabel(unread: number | null): string {
  const badge = bellBadge(unread);
  if (!badge) return "Notifications";
  return `Notifications, ${badge === "99+" ? "more than 99" : badge} unread`;
}
