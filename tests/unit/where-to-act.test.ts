import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TEAM_METRICS, worseThanMedian, type WorseSide } from "@/lib/metrics/where-to-act";

type Team = { n: string; v: number | null };
const teams = (values: (number | null)[]): Team[] => values.map((v, i) => ({ n: `t${i}`, v }));
const listed = (values: (number | null)[], worse: WorseSide, count?: number) =>
  worseThanMedian(teams(values), (t) => t.v, worse, count).rows.map((r) => [r.item.n, r.distance]);

describe("where to act: teams on the bad side of the median", () => {
  it("lists the slower teams when higher is worse, worst first", () => {
    // median 2.5; t3 (10) and t2 (3) are above it; t4 has no figure.
    expect(listed([1, 2, 3, 10, null], "higher")).toEqual([
      ["t3", 7.5],
      ["t2", 0.5],
    ]);
  });

  it("lists the teams below the median when lower is worse, worst first", () => {
    // median 90.
    expect(listed([100, 80, 0, 100, null], "lower")).toEqual([
      ["t2", 90],
      ["t1", 10],
    ]);
  });

  it("never lists a team at the median: ties and a single team", () => {
    expect(listed([5, 5, 5], "higher")).toEqual([]);
    expect(listed([5, 5, 5], "lower")).toEqual([]);
    expect(listed([1], "higher")).toEqual([]);
    expect(listed([100], "lower")).toEqual([]);
    // median 5: the middle team sits on it.
    expect(listed([1, 5, 9], "higher")).toEqual([["t2", 4]]);
    expect(listed([1, 5, 9], "lower")).toEqual([["t0", 4]]);
  });

  it("tells 'not enough data' (no median) from 'no team on the bad side'", () => {
    expect(worseThanMedian(teams([null, null]), (t) => t.v, "higher")).toEqual({
      median: null,
      rows: [],
    });
    expect(worseThanMedian(teams([4]), (t) => t.v, "higher")).toEqual({ median: 4, rows: [] });
  });

  it("where to act lists ties by the order given (teams sorted by name)", () => {
    const teams = [
      { id: 3, name: "Alpha" },
      { id: 1, name: "Beta" },
      { id: 2, name: "Gamma" },
      { id: 4, name: "Delta" },
    ];
    const value = new Map([
      [3, 1],
      [1, 9],
      [2, 5],
      [4, 5],
    ]);
    // median 5; Alpha (1) and Beta (9) both 4 away, each on one side; Gamma and Delta at it.
    const names = (worse: "higher" | "lower") =>
      worseThanMedian(teams, (t) => value.get(t.id)!, worse).rows.map((o) => o.item.name);
    expect(names("higher")).toEqual(["Beta"]);
    expect(names("lower")).toEqual(["Alpha"]);
    value.set(2, 9);
    value.set(4, 1);
    // median 5 again; two teams 4 away on each side, in the order given.
    expect(names("higher")).toEqual(["Beta", "Gamma"]);
    expect(names("lower")).toEqual(["Alpha", "Delta"]);
  });

  it("keeps at most `count` teams", () => {
    expect(listed([1, 2, 3, 10, 20, 30], "higher", 2)).toEqual([
      ["t5", 23.5],
      ["t4", 13.5],
    ]);
  });

  it("a 1-day time to mitigate and 100 % training completion are never places to act", () => {
    const mitigate = [1, 10, 12, 30];
    const training = [100, 50, 100, 20];
    expect(listed(mitigate, TEAM_METRICS.mitigate.worse).map(([n]) => n)).not.toContain("t0");
    expect(listed(training, TEAM_METRICS.required.worse).map(([n]) => n)).not.toContain("t0");
  });

  it("never lists a team on the good side or at the median (any values)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { maxLength: 12 }),
        fc.constantFrom<WorseSide>("higher", "lower"),
        (values, worse) => {
          const { median, rows } = worseThanMedian(teams(values), (t) => t.v, worse, 99);
          for (const r of rows) {
            expect(worse === "higher" ? r.value > median! : r.value < median!).toBe(true);
            expect(r.distance).toBe(Math.abs(r.value - median!));
          }
          const bad = values.filter((v) =>
            v === null || median === null ? false : worse === "higher" ? v > median : v < median,
          );
          expect(rows).toHaveLength(bad.length);
        },
      ),
    );
  });
});

describe("every ranked metric says which way is bad", () => {
  const worse = Object.fromEntries(Object.entries(TEAM_METRICS).map(([id, m]) => [id, m.worse]));

  it("times and counts: higher is worse; shares, ratings and hours: lower is worse", () => {
    expect(worse).toEqual({
      cycle: "higher",
      effort: "higher",
      release: "higher",
      opened: "higher",
      mitigate: "higher",
      hours: "lower",
      required: "lower",
      "guardian-share": "lower",
      rating: "lower",
    });
  });

  it("its wording agrees with its direction", () => {
    for (const m of Object.values(TEAM_METRICS))
      expect(m.worseText).toMatch(m.worse === "higher" ? /(slower|more) .*than/ : /below/);
  });
});
