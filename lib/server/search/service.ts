import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { PermissionError } from "@/lib/server/errors";
import { parseQuery, SEARCH_TYPES, type SearchGroup, type SearchType } from "@/lib/search/query";
import { SEARCH_PERMISSION, searchType } from "./sources";

// The one search behind the record pickers and the header's search box: people, teams,
// reviews, threat models and releases by name, email or key, each kind within what the actor
// may read of it (another organisation's records are never found).

/** The kinds of record the actor may search at all. */
export const searchableTypes = (actor: SessionActor) =>
  SEARCH_TYPES.filter((t) => can(actor, SEARCH_PERMISSION[t]));

/** One kind of record, a page at a time (a picker's suggestions, a results page's list). */
export async function searchRecords(
  actor: SessionActor,
  input: { q: string; type: SearchType; page?: number; perPage?: number; activeOnly?: boolean },
): Promise<SearchGroup> {
  if (!can(actor, SEARCH_PERMISSION[input.type])) throw new PermissionError();
  const q = parseQuery(input.q);
  if (!q) return { type: input.type, hits: [], total: 0 };
  const perPage = input.perPage ?? 20;
  const offset = ((input.page ?? 1) - 1) * perPage;
  const found = await searchType(actor, input.type, q, {
    limit: perPage,
    offset,
    activeOnly: input.activeOnly,
  });
  return { type: input.type, ...found };
}

/** The first few of every kind the actor may search, kinds with no match left out. */
export async function searchEverything(
  actor: SessionActor,
  text: string,
  perType = 5,
): Promise<SearchGroup[]> {
  const q = parseQuery(text);
  if (!q) return [];
  const groups = await Promise.all(
    searchableTypes(actor).map(async (type) => ({
      type,
      ...(await searchType(actor, type, q, { limit: perType, offset: 0 })),
    })),
  );
  return groups.filter((g) => g.total > 0);
}
