import { ActionForm, FormSelect } from "@/components/ui/action-form";
import { startReviewAction } from "@/lib/server/reviews/actions";

/** Start a review by assigning its security engineer: an engineer is preselected, a lead chooses. */
export function StartReviewForm({
  reviewId,
  engineers,
  defaultEngineerId,
}: {
  reviewId: number;
  engineers: { id: number; name: string; email: string }[];
  defaultEngineerId: number | null;
}) {
  return (
    <ActionForm
      action={startReviewAction}
      label="Start the review"
      submit="Start review"
      hidden={{ reviewId: String(reviewId) }}
    >
      <FormSelect
        label="Security engineer"
        name="securityEngineerId"
        id="start-engineer"
        required
        className="w-72"
        defaultValue={defaultEngineerId ? String(defaultEngineerId) : ""}
        placeholder="Choose…"
        options={engineers.map((e) => ({
          value: String(e.id),
          label: e.id === defaultEngineerId ? `${e.name} (me)` : `${e.name} · ${e.email}`,
        }))}
      />
    </ActionForm>
  );
}
