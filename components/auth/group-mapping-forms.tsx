"use client";

import { ActionForm, FormField, FormSelect } from "@/components/ui/action-form";
import { addGroupMappingAction, removeGroupMappingAction } from "@/lib/server/identity/sso-actions";
import { ROLE } from "@/lib/vocabulary";

/** Adds a row to the groups-to-roles table. */
export function AddGroupMappingForm() {
  return (
    <ActionForm
      action={addGroupMappingAction}
      label="Map a group to a role"
      submit="Add mapping"
      resetOnSuccess
      className="mt-3"
    >
      <FormField
        label="Group"
        name="group"
        id="mapping-group"
        maxLength={200}
        required
        hint="As the provider sends it: a name, a path or an ID."
        className="w-full sm:w-72"
      />
      <FormSelect
        label="Role"
        name="role"
        id="mapping-role"
        placeholder="Choose a role"
        options={ROLE.options}
        required
      />
    </ActionForm>
  );
}

/** Removes one mapping, after asking. */
export function RemoveGroupMappingButton({
  id,
  group,
  role,
}: {
  id: number;
  group: string;
  role: string;
}) {
  return (
    <ActionForm
      action={removeGroupMappingAction}
      label={`Remove ${group} → ${role}`}
      submit="Remove"
      pendingLabel="Removing…"
      variant="secondary"
      hidden={{ id: String(id) }}
      confirm={{
        title: `Remove “${group}” → ${role}?`,
        body: `Members of ${group} lose the role ${role} at their next single sign-on, unless another group or a hand grant gives it.`,
        confirmLabel: "Remove mapping",
      }}
    />
  );
}
