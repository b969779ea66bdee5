import { describe, expect, it } from "vitest";
import {
  rankRows,
  standingBand,
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

describe("standingBand", () => {
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

  it("leaves out the person themself when they appear among the peers", () => {
    const others = [...peers(1), { userId: 1, value: 2, hidden: false }];
    expect(standingBand(1, 2, others)).toBe("more-than-most");
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
