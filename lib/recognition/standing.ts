// Recognition without ranking people (docs/decisions/0019): teams and organisations are ranked
// on leaderboards; a person is never ranked, and sees only their own standing, as a band
// ("more … than most guardians") that never names a position or anyone else.

/** A row of a leaderboard: a team or an organisation, with its figures. */
type BoardRow = { id: number; name: string };

export type RankedRow<T> = T & {
  /** Competition rank ("1, 1, 3"): equal figures share it. Null: nothing to rank on. */
  rank: number | null;
};

/**
 * The rows ordered by `figure`, highest first, with their rank. Equal figures share a rank and
 * are listed by name (then id); a row whose figure is null ("not enough data") or 0 (nothing to
 * celebrate) is not ranked and follows the ranked ones, by name.
 */
export function rankRows<T extends BoardRow>(
  rows: T[],
  figure: (row: T) => number | null,
): RankedRow<T>[] {
  const byName = (a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
  const value = (row: T) => figure(row) ?? 0;
  const ranked = rows
    .filter((r) => value(r) > 0)
    .sort((a, b) => value(b) - value(a) || byName(a, b));
  const rest = rows.filter((r) => !(value(r) > 0)).sort(byName);
  const out: RankedRow<T>[] = [];
  ranked.forEach((row, i) => {
    const previous = out[i - 1];
    const rank = previous && value(ranked[i - 1]) === value(row) ? previous.rank : i + 1;
    out.push({ ...row, rank });
  });
  return [...out, ...rest.map((row) => ({ ...row, rank: null }))];
}

/** A person in the comparison: their figure and whether they hid themselves from recognition. */
export type Peer = { userId: number; value: number; hidden: boolean };

export type StandingBand =
  "more-than-most" | "about-as-many" | "fewer-than-most" | "none-yet" | "alone";

/**
 * The quarter's guardians prepared for bands: each one's figure and whether they hid themselves
 * (by id), and the figures of those who did not, ascending. Built once per quarter and version of
 * the data (lib/server/recognition/standing.ts caches it); each person's band is then a lookup.
 */
export type PeerFigures = {
  byPerson: Map<number, { value: number; hidden: boolean }>;
  shown: number[];
};

export function peerFigures(peers: Peer[]): PeerFigures {
  return {
    byPerson: new Map(peers.map((p) => [p.userId, { value: p.value, hidden: p.hidden }])),
    shown: peers
      .filter((p) => !p.hidden)
      .map((p) => p.value)
      .sort((a, b) => a - b),
  };
}

/**
 * Where `selfId`'s figure stands among the other guardians' who have not hidden themselves: more
 * than most (over half of them have less), fewer than most (over half have more), or about as
 * many. A figure of 0 is "none yet", whatever others did; nobody to compare with is "alone".
 * Null when `selfId` is none of the peers.
 */
export function standingOf(
  selfId: number,
  { byPerson, shown }: PeerFigures,
): { value: number; band: StandingBand } | null {
  const self = byPerson.get(selfId);
  if (!self) return null;
  // Whole-number figures: those below self's, and those not above it.
  const below = countBelow(shown, self.value);
  const notAbove = countBelow(shown, self.value + 1);
  const others = shown.length - (self.hidden ? 0 : 1);
  return { value: self.value, band: band(self.value, others, below, shown.length - notAbove) };
}

function band(value: number, others: number, below: number, above: number): StandingBand {
  if (value <= 0) return "none-yet";
  if (others === 0) return "alone";
  if (below * 2 > others) return "more-than-most";
  if (above * 2 > others) return "fewer-than-most";
  return "about-as-many";
}

/** How many of the ascending `values` are below `value` (binary search). */
function countBelow(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The band as a sentence about the person alone: no rank, no count of others, no names.
 * `what` is the plural noun of the figure ("reviews with a guardian"), `when` the period
 * ("this quarter", "in Q3 2026").
 */
export function standingSentence(band: StandingBand, what: string, when: string): string {
  switch (band) {
    case "more-than-most":
      return `More ${what} than most guardians ${when}.`;
    case "about-as-many":
      return `About as many ${what} as most guardians ${when}.`;
    case "fewer-than-most":
      return `Fewer ${what} than most guardians ${when}: every one counts.`;
    case "none-yet":
      return `No ${what} yet ${when}.`;
    case "alone":
      return `No other guardian to compare with ${when}.`;
  }
}
