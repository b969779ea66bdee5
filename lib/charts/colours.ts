import type { ActivityType, Belt, Severity } from "@/lib/vocabulary";

// Colours that mean something, defined once for charts and badges. Each swatch has a fill and a
// darker or lighter outline, so every colour shows on the light theme's white cards and on the
// dark theme's slate-900 ones (tests/unit/chart-colours.test.ts checks the contrast).
export type Swatch = { fill: string; stroke: string; dash?: string };

/** Belts in their own colours; a guardian without a belt yet is an empty dashed box. */
export const BELT_COLOUR: Readonly<Record<Belt | "NONE", Swatch>> = {
  NONE: { fill: "transparent", stroke: "#64748b", dash: "4 2" },
  WHITE: { fill: "#f8fafc", stroke: "#64748b" },
  YELLOW: { fill: "#facc15", stroke: "#a16207" },
  GREEN: { fill: "#16a34a", stroke: "#14532d" },
  BLACK: { fill: "#18181b", stroke: "#a1a1aa" },
};

/**
 * The one severity scale: red for critical to pale yellow for low (hue and lightness both rise
 * as severity falls), used by the findings charts and every severity badge.
 */
export const SEVERITY_COLOUR: Readonly<Record<Severity, Swatch>> = {
  CRITICAL: { fill: "#dc2626", stroke: "#7f1d1d" },
  HIGH: { fill: "#f97316", stroke: "#c2410c" },
  MEDIUM: { fill: "#fbbf24", stroke: "#b45309" },
  LOW: { fill: "#fde68a", stroke: "#a16207" },
};

/** Activity types: eight hues apart from each other; "other" is grey. */
export const ACTIVITY_COLOUR: Readonly<Record<ActivityType, Swatch>> = {
  QUESTION: { fill: "#3b82f6", stroke: "#1d4ed8" },
  SPRINT_STORY: { fill: "#14b8a6", stroke: "#0f766e" },
  DEEP_DIVE: { fill: "#8b5cf6", stroke: "#6d28d9" },
  SUPPORT: { fill: "#ec4899", stroke: "#be185d" },
  REVIEW: { fill: "#f97316", stroke: "#c2410c" },
  THREAT_MODEL: { fill: "#84cc16", stroke: "#4d7c0f" },
  TRAINING: { fill: "#eab308", stroke: "#a16207" },
  OTHER: { fill: "#94a3b8", stroke: "#475569" },
};

/** How a guardian's logged hours stand against their agreed time (docs/decisions/0018). */
export const AGREEMENT_COLOUR: Readonly<Record<"within" | "under" | "over", Swatch>> = {
  within: { fill: "#10b981", stroke: "#047857" },
  under: { fill: "#f59e0b", stroke: "#b45309" },
  over: { fill: "#0ea5e9", stroke: "#0369a1" },
};
