import Link from "next/link";
import { TeamField } from "@/components/reviews/team-picker";
import { FormRecordPicker, type PickedRecord } from "@/components/search/record-picker";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, FormField } from "@/components/ui/action-form";
import { createReleaseAction, updateReleaseAction } from "@/lib/server/releases/actions";

type Saved = {
  id: number;
  key: string;
  name: string;
  startedOn: string;
  releasedOn: string | null;
  review: PickedRecord | null;
  team: string;
};

function ReleaseFields({ prefix, today, saved }: { prefix: string; today: string; saved?: Saved }) {
  return (
    <>
      <FormField
        label="Feature"
        name="name"
        id={`${prefix}-name`}
        required
        defaultValue={saved?.name}
        className="w-56"
      />
      <FormField
        label="Started on"
        name="startedOn"
        id={`${prefix}-start`}
        type="date"
        max={today}
        required
        defaultValue={saved?.startedOn}
      />
      <FormField
        label="Released on"
        name="releasedOn"
        id={`${prefix}-end`}
        type="date"
        max={today}
        defaultValue={saved?.releasedOn ?? ""}
        hint="Empty until it ships"
      />
      <FormRecordPicker
        type="review"
        submit="key"
        label="Review"
        name="reviewKey"
        id={`${prefix}-review`}
        defaultValue={saved?.review ? [saved.review] : undefined}
        className="w-72"
        hint="One of the team's reviews: its service or key"
      />
    </>
  );
}

export function CreateReleaseForm({ today }: { today: string }) {
  return (
    <ActionForm
      action={createReleaseAction}
      label="Record a release"
      submit="Save release"
      className="mt-3"
      resetOnSuccess
    >
      <TeamField id="rel-team" />
      <ReleaseFields prefix="rel" today={today} />
    </ActionForm>
  );
}

/** Fixing a recorded release: mark it released, correct its dates or its linked review (of the same team). */
export function EditReleaseForm({
  release,
  today,
  back,
}: {
  release: Saved;
  today: string;
  back: string;
}) {
  return (
    <>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Team {release.team}</p>
      <ActionForm
        action={updateReleaseAction}
        label={`Edit ${release.key}`}
        submit="Save changes"
        className="mt-3"
        hidden={{ id: String(release.id) }}
      >
        <ReleaseFields prefix="rel-edit" today={today} saved={release} />
      </ActionForm>
      <Link href={back} className={buttonClass("secondary", "mt-3")}>
        Done
      </Link>
    </>
  );
}
