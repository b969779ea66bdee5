import { Select } from "@/components/ui/select";
import { FilterBar } from "@/components/ui/filter-bar";
import type { DashboardFilter } from "@/lib/url-state/lists";
import { ScopeFields } from "./scope-fields";

type Option = { value: string; label: string };

/** Org, team and quarter range; a GET form, so the URL holds the filter. */
export function DashboardFilters({
  action,
  filter,
  orgs,
  teams,
  teamCount,
  selectedTeam,
  quarters,
}: {
  action: string;
  filter: DashboardFilter;
  orgs: Option[];
  teams: Option[];
  teamCount: number;
  selectedTeam: Option | null;
  quarters: string[];
}) {
  const q = quarters.map((k) => ({ value: k, label: k.replace(/^(\d{4})-(Q\d)$/, "$2 $1") }));
  return (
    <FilterBar action={action}>
      <ScopeFields
        key={`${filter.org ?? ""}|${filter.team ?? ""}`}
        org={filter.org ? String(filter.org) : ""}
        orgs={orgs}
        teams={teams}
        teamCount={teamCount}
        selectedTeam={selectedTeam}
        team={filter.team ? String(filter.team) : ""}
      />
      <Select
        label="From"
        name="from"
        defaultValue={filter.from ?? ""}
        placeholder="8 quarters back"
        options={q}
      />
      <Select
        label="To"
        name="to"
        defaultValue={filter.to ?? ""}
        placeholder="Current quarter"
        options={q}
      />
    </FilterBar>
  );
}
