import { ActionForm, FormSelect, FormTextArea } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action-state";

const ratings = ["5", "4", "3", "2", "1"].map((v) => ({ value: v, label: v }));

/**
 * An engineer's rating of one guardian's input: none chosen until there is one; then prefilled
 * with the saved rating and comment so saving again keeps them.
 */
export function RatingForm({
  action,
  hidden,
  who,
  idPrefix,
  saved,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  who: string;
  idPrefix: string;
  saved?: { rating: number; comment: string | null };
}) {
  return (
    <ActionForm
      action={action}
      label={`Rate ${who}`}
      submit="Save rating"
      className="mt-1"
      hidden={hidden}
    >
      <FormSelect
        label="Rating"
        name="rating"
        id={`${idPrefix}-rating`}
        options={ratings}
        placeholder="Choose…"
        defaultValue={saved ? String(saved.rating) : ""}
        required
      />
      <FormTextArea
        label="Comment"
        name="comment"
        id={`${idPrefix}-comment`}
        rows={1}
        maxLength={1000}
        defaultValue={saved?.comment ?? ""}
        className="w-72"
      />
    </ActionForm>
  );
}
