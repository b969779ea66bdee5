import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { Field, Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { StreamedPart } from "@/components/ui/streamed-part";
import { requirePermission } from "@/lib/auth/guards";
import { SEARCH_TYPE_LABELS, SEARCH_TYPES } from "@/lib/search/query";
import type { SearchParams } from "@/lib/url-state/list-state";
import { searchResultsList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("program.read");
  const state = searchResultsList.parse(await searchParams);
  return (
    <>
      <PageHeader
        title="Search"
        description="People, teams, reviews, threat models and releases you may see, by name, email or key."
      />
      <FilterBar action="/search">
        <Field
          label="Search for"
          name="q"
          type="search"
          defaultValue={state.filter.q ?? ""}
          maxLength={100}
          className="w-72"
        />
        <Select
          label="Kind"
          name="type"
          defaultValue={state.filter.type ?? ""}
          placeholder="Everything"
          options={SEARCH_TYPES.map((t) => ({ value: t, label: SEARCH_TYPE_LABELS[t] }))}
        />
      </FilterBar>
      <StreamedPart
        what="Search results"
        key={`${state.filter.q}|${state.filter.type}|${state.page}`}
        fallback={<ListPageSkeleton label="Searching…" title={false} filters={1} />}
      >
        <SearchResults actor={actor} state={state} />
      </StreamedPart>
    </>
  );
}
