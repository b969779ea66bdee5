/**
 * A list's sort order in the URL: `sort=name` ascending, `sort=-name` descending. The keys a
 * list accepts are fixed by the list (each one backed by an index or a small table).
 */
export type Sort<K extends string = string> = { key: K; desc: boolean };

export function parseSort<K extends string>(
  raw: unknown,
  keys: readonly K[],
  fallback: Sort<K>,
): Sort<K> {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string") return fallback;
  const desc = value.startsWith("-");
  const key = keys.find((k) => k === (desc ? value.slice(1) : value));
  return key ? { key, desc } : fallback;
}

export const formatSort = (sort: Sort) => `${sort.desc ? "-" : ""}${sort.key}`;

/** The order a click on a column header asks for: the other direction of the same key, or the new key. */
export function nextSort<K extends string>(current: Sort<K>, key: K, descFirst = false): Sort<K> {
  return current.key === key ? { key, desc: !current.desc } : { key, desc: descFirst };
}

export function sameSort(a: Sort, b: Sort) {
  return a.key === b.key && a.desc === b.desc;
}
