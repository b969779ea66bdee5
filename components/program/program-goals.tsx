import { GoalList } from "@/components/program/goal-list";
import { goalsWithProgress } from "@/lib/server/program/goals";

/** The goals with their progress: computed from the program's metrics, so the page streams it. */
export async function ProgramGoals({ editable }: { editable: boolean }) {
  return <GoalList goals={await goalsWithProgress()} editable={editable} />;
}
