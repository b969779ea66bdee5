"use client";

import Link from "next/link";

import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { saveTeamAction } from "@/lib/server/directory/actions";
import { isoDay } from "@/lib/period";
import { TEAM_PROFILE, TEAM_PROFILE_HINTS } from "@/lib/vocabulary";
import { useFormAction } from "@/components/ui/use-form-action";

const PROFILES = TEAM_PROFILE.options.map(({ value, label }) => ({
  value,
  label: TEAM_PROFILE_HINTS[value] ? `${label}: ${TEAM_PROFILE_HINTS[value]}` : label,
}));

type Team = {
  id: number;
  name: string;
  orgId: number;
  profile: string;
  pilot: boolean;
  joinedOn: string;
  riskBudget: number;
};

export function TeamForm({
  team,
  orgs,
}: {
  team: Team | null;
  orgs: { id: number; name: string }[];
}) {
  const [state, action, pending] = useFormAction(saveTeamAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="id" value={team?.id ?? ""} />
      <Field label="Team name" name="name" defaultValue={team?.name} required error={err("name")} />
      <Select
        label="Organisation"
        name="orgId"
        defaultValue={team ? String(team.orgId) : ""}
        placeholder="Choose…"
        required
        options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        error={err("orgId")}
      />
      <Select
        label="Candidate profile"
        name="profile"
        defaultValue={team?.profile ?? "NONE"}
        options={PROFILES}
        error={err("profile")}
      />
      <Field
        label="Joined the program on"
        name="joinedOn"
        type="date"
        defaultValue={team?.joinedOn ?? isoDay(new Date())}
        required
        error={err("joinedOn")}
      />
      <Field
        label="Risk budget (points)"
        name="riskBudget"
        type="number"
        min={0}
        max={10000}
        step={1}
        defaultValue={team?.riskBudget ?? 20}
        required
        error={err("riskBudget")}
        hint="Critical 10, high 5, medium 2, low 1 per open finding or unmitigated threat"
      />
      <div className="flex items-center gap-2 self-center">
        <input
          id="pilot"
          name="pilot"
          type="checkbox"
          defaultChecked={team?.pilot}
          className="h-4 w-4"
        />
        <label htmlFor="pilot" className="text-sm font-medium">
          Pilot team
        </label>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save team"}
        </Button>
        <Link
          href={team ? `/directory/teams/${team.id}` : "/directory"}
          className={buttonClass("secondary")}
        >
          Cancel
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
