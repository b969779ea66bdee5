import type { MitigationStatus, Severity, StrideCategory } from "@/lib/vocabulary";

// What a threat-model file holds once read, whatever its format (Threat Dragon v2 or OTM), and
// what the app writes back out. Pure types: the readers and writers beside this file fill them.

export type ThreatModelFormat = "threat-dragon" | "otm";

export const FORMAT_NAMES: Record<ThreatModelFormat, string> = {
  "threat-dragon": "Threat Dragon v2",
  otm: "Open Threat Model",
};

export type PortableThreat = {
  /** The threat's own id in the file (kept, so a re-import updates it). */
  externalId: string;
  title: string;
  category: StrideCategory;
  severity: Severity;
  description: string | null;
  mitigation: string | null;
  mitigationStatus: MitigationStatus;
};

export type PortableModel = {
  /** The file's own id for the whole model (an OTM project id); null when it has none. */
  externalId: string | null;
  system: string;
  threats: PortableThreat[];
};

/** Something in the file the app does not keep (a diagram's shapes, a score), said once. */
export type Unmapped = { where: string; what: string };
/** A problem that stops the import: where it is in the file and what is wrong. */
export type FileProblem = { where: string; message: string };

export type ReadResult = {
  format: ThreatModelFormat;
  model: PortableModel;
  /** How each threat was read: its source words beside the app's (the preview's table). */
  sources: { externalId: string; category: string; severity: string; status: string }[];
  unmapped: Unmapped[];
  problems: FileProblem[];
};

/** Limits of one imported threat (the threat form's own limits, a longer description). */
export const LIMITS = { title: 300, description: 4000, mitigation: 4000, threats: 2000 };
