import { TeamField } from "@/components/reviews/team-picker";
import { FormRecordPicker } from "@/components/search/record-picker";
import { ActionForm, FormField } from "@/components/ui/action-form";
import { createThreatModelAction } from "@/lib/server/threat-models/actions";

export function CreateThreatModelForm() {
  return (
    <ActionForm
      action={createThreatModelAction}
      label="Start a threat model"
      submit="Create"
      className="mt-3"
    >
      <TeamField id="tm-team" />
      <FormField label="System" name="system" id="tm-system" required className="w-64" />
      <FormRecordPicker
        type="person"
        submit="key"
        multiple
        activeOnly
        label="Co-authors (optional)"
        name="authors"
        id="tm-authors"
        hint="You are an author; add people of the team's organisation or security engineers"
        className="w-72"
      />
    </ActionForm>
  );
}
