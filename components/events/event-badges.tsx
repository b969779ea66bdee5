import { cn } from "@/components/ui/cn";
import type { EventPhase } from "@/lib/events/rules";
import { placingLabel } from "@/lib/events/rules";

const badge = "rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap";

/** "Cancelled" (tinted) for a cancelled event; nothing otherwise. */
export function CancelledBadge({ phase }: { phase: EventPhase }) {
  if (phase !== "cancelled") return null;
  return (
    <span className={cn(badge, "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100")}>
      Cancelled
    </span>
  );
}

/** The actor's own place: registered, attended, or a contest placing. */
export function MyPlaceBadge({
  mine,
}: {
  mine: { attended: boolean; placing: number | null } | null;
}) {
  if (!mine) return null;
  const text = mine.placing
    ? `You placed ${placingLabel(mine.placing)}`
    : mine.attended
      ? "You attended"
      : "You are registered";
  return (
    <span
      className={cn(badge, "bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-100")}
    >
      {text}
    </span>
  );
}
