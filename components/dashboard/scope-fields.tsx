"use client";

import { useState } from "react";
import { Select } from "@/components/ui/select";
import { TeamFilter } from "./team-filter";

type Option = { value: string; label: string };

/** Organisation and team: the team is searched within the organisation, and cleared when it changes. */
export function ScopeFields({
  org,
  orgs,
  teams,
  teamCount,
  selectedTeam,
  team,
}: {
  org: string;
  orgs: Option[];
  teams: Option[];
  teamCount: number;
  selectedTeam: Option | null;
  team: string;
}) {
  const [chosenOrg, setChosenOrg] = useState(org);
  const same = chosenOrg === org;
  return (
    <>
      <Select
        label="Organisation"
        name="org"
        value={chosenOrg}
        onChange={(e) => setChosenOrg(e.target.value)}
        placeholder={orgs.length > 1 ? "All you can see" : "Yours"}
        options={orgs}
      />
      <TeamFilter
        key={chosenOrg}
        org={chosenOrg}
        teams={teams}
        count={teamCount}
        selected={same ? selectedTeam : null}
        defaultValue={same ? team : ""}
      />
    </>
  );
}
