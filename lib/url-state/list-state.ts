import type { z } from "zod";
import { firstValue } from "./params";
import { formatSort, parseSort, sameSort, type Sort } from "./sort";

/** What Next passes a page as `searchParams` (awaited). */
export type SearchParams = Record<string, string | string[] | undefined>;
type Value = string | number | boolean | null | undefined;

/** A page number from the URL: a whole number from 1 to 100,000, else the first page. */
export function parsePage(raw: unknown): number {
  const n = Number(firstValue(raw));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/**
 * A query string from values: missing, blank, false and default values are left out, so every
 * link to the same view is the same URL. `true` is written `yes` (see `flag`).
 */
export function toQuery(values: Record<string, Value>, defaults: Record<string, Value> = {}) {
  const query = new URLSearchParams();
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || v === false || v === defaults[key]) continue;
    query.append(key, v === true ? "yes" : String(v));
  }
  return query.toString();
}

export const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

type SortOption<K extends string> = { keys: readonly K[]; default: Sort<K> };
export type ListState<F, K extends string> = {
  filter: F;
  page: number;
  sort: [K] extends [never] ? undefined : Sort<K>;
};

/**
 * One list's URL state, defined once: its filters (a zod object whose fields are built with
 * `./params`), the page, and optionally the sort keys it accepts. `parse` reads a page's
 * `searchParams`; `href` writes a link to the same list (pagination, sort headers, CSV links).
 */
export function defineList<F extends z.ZodObject, K extends string = never>(
  filterSchema: F,
  options: { sort?: SortOption<K> } = {},
) {
  type State = ListState<z.output<F>, K>;
  /** What a link needs: the filters it sets (the rest left out), a page, an order. */
  type Link = { filter?: Partial<z.output<F>>; page?: number; sort?: State["sort"] };
  const defaults = filterSchema.parse({}) as Record<string, Value>;
  const sortOption = options.sort;
  return {
    filterSchema,
    parse(params: SearchParams): State {
      return {
        filter: filterSchema.parse(params),
        page: parsePage(params.page),
        sort: (sortOption
          ? parseSort(params.sort, sortOption.keys, sortOption.default)
          : undefined) as State["sort"],
      };
    },
    /** The query string of a state, with `changes` applied (a new sort or page). */
    query(state: Link, changes: Link = {}): string {
      const { filter = {}, page = 1, sort } = { ...state, ...changes };
      const custom = sort && sortOption && !sameSort(sort, sortOption.default);
      return toQuery(
        {
          ...(filter as Record<string, Value>),
          sort: custom ? formatSort(sort) : undefined,
          page: page > 1 ? page : undefined,
        },
        defaults,
      );
    },
    /** The sort as a hidden field of the list's filter form, so applying filters keeps the order. */
    sortField(state: Link): Record<string, string> {
      const sort = state.sort;
      return sort && sortOption && !sameSort(sort, sortOption.default)
        ? { sort: formatSort(sort) }
        : {};
    },
    href(path: string, state: Link, changes: Link = {}): string {
      return withQuery(path, this.query(state, changes));
    },
    /** Links for `<Pagination href>`: the same filters and order on another page. */
    pageHref(path: string, state: Link) {
      return (page: number) => this.href(path, state, { page });
    },
    /** For `<DataTable sort>`: the current order, and links to another order from the first page. */
    tableSort(path: string, state: State): { current: Sort; href: (sort: Sort) => string } {
      const { keys, default: fallback } = sortOption ?? { keys: [], default: undefined };
      return {
        current: state.sort as Sort,
        href: (sort) => {
          const valid = fallback ? parseSort(formatSort(sort), keys, fallback) : undefined;
          return this.href(path, state, { sort: valid as State["sort"], page: 1 });
        },
      };
    },
  };
}
