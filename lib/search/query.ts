// What a search box's text means (pure: shared by the server's search and its tests). A query
// is matched against names, emails and keys; a record's key typed loosely ("rev 123",
// "tm-42") is read as that key, so "REV-000123" finds its review however it was typed.

export const SEARCH_TYPES = ["person", "team", "review", "threat-model", "release"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  person: "People",
  team: "Teams",
  review: "Reviews",
  "threat-model": "Threat models",
  release: "Releases",
};

/** The shortest text searched: one letter would match most of a 50,000-person directory. */
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 100;

// The keys the app writes (lib/server/reviews|threat-models|releases/service.ts).
const KEYS: Record<string, { type: SearchType; digits: number }> = {
  REV: { type: "review", digits: 6 },
  TM: { type: "threat-model", digits: 5 },
  REL: { type: "release", digits: 6 },
};

export type SearchQuery = {
  /** The text as searched: trimmed, inner spaces collapsed, at most 100 characters. */
  text: string;
  /** A record key the text names, written as the app writes it. */
  key: { type: SearchType; key: string } | null;
};

/** The query a box's text asks, or null when there is too little to search. */
export function parseQuery(raw: string): SearchQuery | null {
  const text = raw.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (text.length < MIN_QUERY_LENGTH) return null;
  return { text, key: recordKey(text) };
}

function recordKey(text: string): SearchQuery["key"] {
  const m = /^(REV|TM|REL)[-\s]?0*(\d{1,9})$/i.exec(text);
  if (!m) return null;
  const { type, digits } = KEYS[m[1].toUpperCase()];
  return { type, key: `${m[1].toUpperCase()}-${m[2].padStart(digits, "0")}` };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The ILIKE patterns that rank a match, best first: the whole text, its start, the start of a
 * word, anywhere. A row's rank is the first pattern its field matches (its position here);
 * the last pattern is also the filter, so every row found has a rank.
 */
export function rankPatterns(text: string): string[] {
  const t = likeLiteral(text);
  return [t, `${t}%`, `% ${t}%`, `%${t}%`];
}

/** One record found, as lists and pickers show it. */
export type SearchHit = {
  type: SearchType;
  id: number;
  /** What a form may submit for it besides the id: a person's email, a record's key. */
  key: string;
  title: string;
  /** What tells it from a namesake: team, organisation, email; a record's team and state. */
  detail: string;
  href: string;
};

/** The records of one kind found: a page of them and how many there are in all. */
export type SearchGroup = { type: SearchType; hits: SearchHit[]; total: number };
