import { Select } from "@/components/ui/select";
import { FilterBar } from "@/components/ui/filter-bar";
import type { DashboardFilter } from "@/lib/url-state/lists";
import { TeamFilter } from "./team-filter";

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
      <Select
        label="Organisation"
        name="org"
        defaultValue={filter.org ? String(filter.org) : ""}
        placeholder={orgs.length > 1 ? "All you can see" : "Yours"}
        options={orgs}
      />
      <TeamFilter
        key={`${filter.org ?? ""}|${filter.team ?? ""}`}
        teams={teams}
        count={teamCount}
        selected={selectedTeam}
        defaultValue={filter.team ? String(filter.team) : ""}
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
