"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE } from "@/lib/vocabulary";
import { createPersonAction, updatePersonAction } from "@/lib/server/directory/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Person = {
  id: number;
  email: string;
  name: string;
  /** Roles granted by hand: what the form edits. */
  handRoles: Role[];
  /** Roles from the identity provider's groups: shown, changed only at the provider. */
  groupRoles: Role[];
  orgId: number | null;
  teamId: number | null;
};
type Options = {
  orgs: { id: number; name: string }[];
  teams: { id: number; name: string; orgId: number }[];
  grantable: Role[];
};

/** Creates a person (person = null) or edits one; the email is set once, at creation. */
export function PersonForm({ person, options }: { person: Person | null; options: Options }) {
  const [state, action, pending] = useFormAction(person ? updatePersonAction : createPersonAction);
  const [orgId, setOrgId] = useState(person?.orgId ? String(person.orgId) : "");
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const teams = options.teams.filter((t) => String(t.orgId) === orgId);
  const rolesError = err("roles");
  return (
    <form
      action={action}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      aria-label={person ? `Edit ${person.name}` : "New person"}
    >
      {person ? <input type="hidden" name="id" value={person.id} /> : null}
      {person ? (
        <div className="space-y-1">
          <p className="text-sm font-medium">Email</p>
          <p className="py-2 text-sm">{person.email}</p>
        </div>
      ) : (
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          error={err("email")}
          hint="Their sign-in name; it cannot be changed later"
        />
      )}
      <Field label="Name" name="name" defaultValue={person?.name} required error={err("name")} />
      <fieldset
        className="sm:col-span-2"
        aria-describedby={
          [person?.groupRoles.length ? "group-roles" : "", rolesError ? "roles-error" : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
      >
        <legend className="text-sm font-medium">
          {person?.groupRoles.length ? "Roles granted here" : "Roles"}
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {ROLE.values.map((r) => {
            const locked = !options.grantable.includes(r);
            return (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`role-${r}`}
                  defaultChecked={person?.handRoles.includes(r) ?? r === "BUILDER"}
                  disabled={locked}
                  className="h-4 w-4"
                />
                {ROLE.label(r)}
                {locked ? (
                  <span className="text-xs text-slate-600 dark:text-slate-400">(admins only)</span>
                ) : null}
                {/* A locked box the person already holds is kept as it is. */}
                {locked && person?.handRoles.includes(r) ? (
                  <input type="hidden" name={`role-${r}`} value="on" />
                ) : null}
              </label>
            );
          })}
        </div>
        {person?.groupRoles.length ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" id="group-roles">
            From single sign-on groups:{" "}
            <span className="font-medium text-slate-900 dark:text-slate-100">
              {person.groupRoles.map(ROLE.label).join(", ")}
            </span>
            . Change them at the provider.
          </p>
        ) : null}
        {rolesError ? (
          <p id="roles-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {rolesError}
          </p>
        ) : null}
      </fieldset>
      <Select
        label="Organisation"
        name="orgId"
        value={orgId}
        onChange={(e) => setOrgId(e.target.value)}
        placeholder="None (program-wide)"
        options={options.orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        error={err("orgId")}
      />
      <Select
        key={orgId}
        label="Team"
        name="teamId"
        defaultValue={
          person && String(person.orgId) === orgId && person.teamId ? String(person.teamId) : ""
        }
        placeholder={orgId ? "None" : "Choose an organisation first"}
        disabled={!orgId}
        options={teams.map((t) => ({ value: String(t.id), label: t.name }))}
        error={err("teamId")}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : person ? "Save person" : "Create person"}
        </Button>
        <Link href="/directory/people" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
