import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { MIN_QUERY_LENGTH, SEARCH_TYPE_LABELS, type SearchGroup } from "@/lib/search/query";
import { searchEverything, searchRecords, searchableTypes } from "@/lib/server/search/service";
import { searchResultsList } from "@/lib/url-state/lists";

type State = ReturnType<typeof searchResultsList.parse>;
const PER_PAGE = 20;
const link = "font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100";

function Hits({ group }: { group: SearchGroup }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
      {group.hits.map((h) => (
        <li key={h.id} className="py-2 text-sm">
          <Link href={h.href} className={link}>
            {h.title}
          </Link>
          <p className="text-xs text-slate-600 dark:text-slate-400">{h.detail}</p>
        </li>
      ))}
    </ul>
  );
}

/** The full results: every kind the reader may search (the first 5 of each), or one kind paged. */
export async function SearchResults({ actor, state }: { actor: SessionActor; state: State }) {
  const { q = "", type } = state.filter;
  if (q.length < MIN_QUERY_LENGTH)
    return <EmptyState title={`Type at least ${MIN_QUERY_LENGTH} characters to search`} />;
  const ofType = (t: State["filter"]["type"]) =>
    searchResultsList.href("/search", state, { filter: { q, type: t }, page: 1 });

  if (type && searchableTypes(actor).includes(type)) {
    const group = await searchRecords(actor, { q, type, page: state.page, perPage: PER_PAGE });
    const noun = SEARCH_TYPE_LABELS[type].toLowerCase();
    return (
      <Card aria-live="polite">
        <CardTitle>
          {SEARCH_TYPE_LABELS[type]} matching “{q}”
        </CardTitle>
        {group.total === 0 ? (
          <EmptyState
            title={`No ${noun} match`}
            action={{ href: ofType(undefined), label: "Search everything" }}
          />
        ) : (
          <>
            <Hits group={group} />
            <Pagination
              page={state.page}
              pages={Math.ceil(group.total / PER_PAGE)}
              total={group.total}
              href={searchResultsList.pageHref("/search", state)}
            />
          </>
        )}
      </Card>
    );
  }

  const groups = await searchEverything(actor, q);
  return (
    <div aria-live="polite" className="space-y-4">
      {groups.length === 0 ? (
        <EmptyState title={`Nothing you may see matches “${q}”`}>
          Try part of a name, an email, or a key such as REV-000123.
        </EmptyState>
      ) : (
        groups.map((g) => (
          <Card key={g.type}>
            <CardTitle>
              {SEARCH_TYPE_LABELS[g.type]} <span className="text-sm font-normal">({g.total})</span>
            </CardTitle>
            <Hits group={g} />
            {g.total > g.hits.length ? (
              <Link href={ofType(g.type)} className={`${link} mt-2 inline-block text-sm`}>
                All {g.total} {SEARCH_TYPE_LABELS[g.type].toLowerCase()}
              </Link>
            ) : null}
          </Card>
        ))
      )}
    </div>
  );
}
