import { TeamField } from "@/components/reviews/team-picker";
import {
  ActionForm,
  FormCheckbox,
  FormField,
  FormSelect,
  FormTextArea,
} from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { BELT, TEAM_PROFILE } from "@/lib/vocabulary";
import { MAX_CHECKLIST_QUESTIONS } from "@/lib/validations/fast-track";
import { saveFastTrackPolicyAction } from "@/lib/server/fast-track/actions";

/** The fields both policy forms share: belt, spot-check share, checklist, on/off. */
function PolicyFields({ prefix }: { prefix: string }) {
  return (
    <>
      <FormSelect
        label="Lowest belt"
        name="minBelt"
        id={`${prefix}-belt`}
        options={BELT.options}
        defaultValue="GREEN"
        hint="Held and still valid on the day"
      />
      <FormField
        label="Spot-check share (%)"
        name="spotCheckPercent"
        id={`${prefix}-share`}
        type="number"
        min="0"
        max="100"
        step="1"
        defaultValue="20"
        required
        className="w-36"
      />
      <FormTextArea
        label="Low-risk checklist"
        name="checklist"
        id={`${prefix}-checklist`}
        rows={4}
        required
        hint={`One question a line, at most ${MAX_CHECKLIST_QUESTIONS}. Every answer must be “low risk”.`}
        className="w-full"
      />
      <FormCheckbox label="Fast track on" name="enabled" id={`${prefix}-enabled`} defaultChecked />
    </>
  );
}

/** A policy for a team profile (program-wide) or for one team (wins over its profile's). */
export function PolicyForms({ profileAllowed }: { profileAllowed: boolean }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {profileAllowed ? (
        <Card>
          <CardTitle>Policy for a team profile</CardTitle>
          <ActionForm
            action={saveFastTrackPolicyAction}
            label="Policy for a team profile"
            submit="Save policy"
            className="mt-3"
            hidden={{ appliesTo: "profile" }}
          >
            <FormSelect
              label="Team profile"
              name="teamProfile"
              id="policy-profile"
              options={TEAM_PROFILE.options}
              placeholder="Choose…"
              required
            />
            <PolicyFields prefix="profile" />
          </ActionForm>
        </Card>
      ) : null}
      <Card>
        <CardTitle>Policy for one team</CardTitle>
        <ActionForm
          action={saveFastTrackPolicyAction}
          label="Policy for one team"
          submit="Save policy"
          className="mt-3"
          hidden={{ appliesTo: "team" }}
        >
          <TeamField id="policy-team" />
          <PolicyFields prefix="team" />
        </ActionForm>
      </Card>
    </div>
  );
}
