import { describe, expect, it } from "vitest";
import {
  peerFigures,
  rankRows,
  standingOf,
  standingSentence,
  type Peer,
  type StandingBand,
} from "@/lib/recognition/standing";

const row = (id: number, name: string, reviews: number | null) => ({ id, name, reviews });

describe("rankRows", () => {
  it("ranks highest first; ties share a rank, are listed by name, and the next rank skips", () => {
    const rows = [
      row(1, "Payments", 3),
      row(2, "Checkout", 5),
      row(3, "Atlas", 3),
      row(4, "Zed", 1),
    ];
    expect(rankRows(rows, (r) => r.reviews).map((r) => [r.name, r.rank])).toEqual([
      ["Checkout", 1],
      ["Atlas", 2],
      ["Payments", 2],
      ["Zed", 4],
    ]);
  });

  it("leaves rows with nothing (0) or not enough data (null) unranked, after the others, by name", () => {
    const rows = [row(1, "B", 0), row(2, "A", null), row(3, "C", 2), row(4, "A", 0)];
    expect(rankRows(rows, (r) => r.reviews).map((r) => [r.id, r.rank])).toEqual([
      [3, 1],
      [2, null],
      [4, null],
      [1, null],
    ]);
  });

  it("answers an empty quarter with an empty board, and a quarter where nobody scored unranked", () => {
    expect(rankRows([], () => 1)).toEqual([]);
    const rows = [row(1, "B", 0), row(2, "A", 0)];
    expect(rankRows(rows, (r) => r.reviews).every((r) => r.rank === null)).toBe(true);
  });

  it("gives every member of an all-way tie rank 1", () => {
    const rows = [row(1, "B", 2), row(2, "A", 2), row(3, "C", 2)];
    expect(rankRows(rows, (r) => r.reviews).map((r) => r.rank)).toEqual([1, 1, 1]);
  });
});

const peers = (...values: number[]): Peer[] =>
  values.map((value, i) => ({ userId: 100 + i, value, hidden: false }));

/** Person 1's band with `value` among `others` (person 1 is one of the quarter's guardians). */
const standingBand = (_: 1, value: number, others: Peer[], hidden = false) =>
  standingOf(
    1,
    peerFigures([{ userId: 1, value, hidden }, ...others.filter((p) => p.userId !== 1)]),
  )!.band;

describe("standingOf", () => {
  it.each<[number, number[], StandingBand]>([
    [4, [1, 2, 3], "more-than-most"],
    [4, [1, 2, 5, 6], "about-as-many"], // exactly half below: not "most"
    [2, [1, 3, 4], "fewer-than-most"],
    [3, [3, 3, 3], "about-as-many"], // ties are neither more nor fewer
    [3, [3, 3, 1, 1, 1], "more-than-most"],
  ])("%i among %j is %s", (self, others, band) => {
    expect(standingBand(1, self, peers(...others))).toBe(band);
  });

  it("is 'none yet' with nothing this quarter, whatever the others did", () => {
    expect(standingBand(1, 0, peers(0, 0, 0))).toBe("none-yet");
    expect(standingBand(1, 0, [])).toBe("none-yet");
  });

  it("is 'alone' with nobody else to compare with (an empty quarter)", () => {
    expect(standingBand(1, 2, [])).toBe("alone");
    expect(standingBand(1, 2, [{ userId: 1, value: 2, hidden: false }])).toBe("alone");
  });

  it("leaves out people who hid themselves from recognition", () => {
    const others: Peer[] = [
      { userId: 2, value: 1, hidden: false },
      { userId: 3, value: 9, hidden: true },
      { userId: 4, value: 9, hidden: true },
    ];
    expect(standingBand(1, 2, others)).toBe("more-than-most");
    expect(
      standingBand(
        1,
        2,
        others.map((p) => ({ ...p, hidden: true })),
      ),
    ).toBe("alone");
  });

  it("compares a person who hid themself with everyone else who did not", () => {
    expect(standingBand(1, 2, peers(1, 1, 5), true)).toBe("more-than-most");
    expect(standingBand(1, 2, [], true)).toBe("alone");
  });

  it("is null for someone who was no guardian of the quarter", () => {
    expect(standingOf(1, peerFigures(peers(1, 2, 3)))).toBeNull();
    expect(standingOf(1, peerFigures([]))).toBeNull();
  });

  it("gives each guardian their own figure and the band the counts give, on a large quarter", () => {
    // Against a direct count, for many people: the binary search and its edges.
    const many = Array.from({ length: 500 }, (_, i) => ({
      userId: i,
      value: (i * 7919) % 13,
      hidden: i % 11 === 0,
    }));
    const figures = peerFigures(many);
    for (const me of many) {
      const others = many.filter((p) => p.userId !== me.userId && !p.hidden);
      const below = others.filter((p) => p.value < me.value).length;
      const above = others.filter((p) => p.value > me.value).length;
      const expected: StandingBand =
        me.value <= 0
          ? "none-yet"
          : below * 2 > others.length
            ? "more-than-most"
            : above * 2 > others.length
              ? "fewer-than-most"
              : "about-as-many";
      expect(standingOf(me.userId, figures)).toEqual({ value: me.value, band: expected });
    }
  });
});

describe("standingSentence", () => {
  const bands: StandingBand[] = [
    "more-than-most",
    "about-as-many",
    "fewer-than-most",
    "none-yet",
    "alone",
  ];

  it("phrases each band without a rank, a number of others or a name", () => {
    for (const band of bands) {
      const text = standingSentence(band, "reviews with a guardian", "this quarter");
      expect(text).not.toMatch(/\d|#|rank|place|top|position/i);
      expect(text).toMatch(/this quarter/);
    }
    expect(standingSentence("more-than-most", "reviews with a guardian", "this quarter")).toBe(
      "More reviews with a guardian than most guardians this quarter.",
    );
  });
});
