import { FormField, FormSelect, FormTextArea } from "@/components/ui/action-form";
import {
  MITIGATION_STATUS,
  SEVERITY,
  STRIDE_CATEGORY,
  type MitigationStatus,
  type Severity,
  type StrideCategory,
} from "@/lib/vocabulary";
export type ThreatDefaults = {
  title: string | null;
  category: StrideCategory;
  severity: Severity;
  mitigationStatus: MitigationStatus;
  mitigation: string | null;
};

/** The fields of a threat, for adding one and for editing each (ids prefixed per form). */
export function ThreatFields({ prefix, threat }: { prefix: string; threat?: ThreatDefaults }) {
  return (
    <>
      <FormField
        label="Threat"
        name="title"
        id={`${prefix}-title`}
        required
        defaultValue={threat?.title ?? ""}
        className="w-64"
      />
      <FormSelect
        label="STRIDE category"
        name="category"
        id={`${prefix}-category`}
        options={STRIDE_CATEGORY.options}
        placeholder="Choose…"
        required
        defaultValue={threat?.category ?? ""}
      />
      <FormSelect
        label="Severity"
        name="severity"
        id={`${prefix}-severity`}
        options={SEVERITY.options}
        placeholder="Choose…"
        required
        defaultValue={threat?.severity ?? ""}
      />
      <FormSelect
        label="Mitigation status"
        name="mitigationStatus"
        id={`${prefix}-status`}
        options={MITIGATION_STATUS.options}
        defaultValue={threat?.mitigationStatus ?? "NONE"}
      />
      <FormTextArea
        label="Mitigation"
        name="mitigation"
        id={`${prefix}-mitigation`}
        rows={2}
        maxLength={2000}
        defaultValue={threat?.mitigation ?? ""}
        className="w-80"
        hint="Without a description, planned or implemented stays flagged"
      />
    </>
  );
}
