import { ActionForm, FormField } from "@/components/ui/action-form";
import { requestReviewAction } from "@/lib/server/reviews/actions";
import { TeamField } from "./team-picker";

export function RequestReviewForm({ today }: { today: string }) {
  return (
    <ActionForm
      action={requestReviewAction}
      label="Request a review"
      submit="Request review"
      className="mt-3"
    >
      <TeamField id="req-team" />
      <FormField
        label="Service or feature"
        name="service"
        id="req-service"
        required
        className="w-64"
      />
      <FormField
        label="Requested on"
        name="requestedOn"
        id="req-date"
        type="date"
        max={today}
        defaultValue={today}
        required
      />
    </ActionForm>
  );
}
