import { cn } from "@/components/ui/cn";
import { SURVEY_PHASE_LABEL, type SurveyPhase } from "@/lib/surveys/phase";

const TONE: Record<SurveyPhase, string> = {
  draft: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  upcoming: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  open: "bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-100",
  closed: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

/** A survey's phase in words, tinted. */
export function PhaseBadge({ phase }: { phase: SurveyPhase }) {
  return (
    <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", TONE[phase])}>
      {SURVEY_PHASE_LABEL[phase]}
    </span>
  );
}
