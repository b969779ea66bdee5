import { describe, expect, it } from "vitest";
import { parsePage, toQuery } from "@/lib/url-state/list-state";
import {
  auditList,
  dashboardView,
  peopleList,
  reviewsList,
  threatModelsList,
} from "@/lib/url-state/lists";
import { formatSort, nextSort, parseSort } from "@/lib/url-state/sort";

describe("list URL state", () => {
  it("round-trips a filtered, sorted page through its query string", () => {
    const state = reviewsList.parse({
      team: "Ledger Core",
      status: "completed",
      period: "2026-Q1",
      sort: "-completed",
      page: "3",
    });
    expect(state).toEqual({
      filter: {
        team: "Ledger Core",
        status: "completed",
        period: "2026-Q1",
        engineer: undefined,
        guardian: undefined,
        periodOf: undefined,
      },
      page: 3,
      sort: { key: "completed", desc: true },
    });
    const href = reviewsList.href("/reviews", state);
    expect(href).toBe(
      "/reviews?team=Ledger+Core&status=completed&period=2026-Q1&sort=-completed&page=3",
    );
    const back = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(reviewsList.parse(back)).toEqual(state);
  });

  it("leaves defaults out of the query string: page 1, the default sort, switches that are off", () => {
    expect(reviewsList.href("/reviews", reviewsList.parse({}))).toBe("/reviews");
    expect(reviewsList.query(reviewsList.parse({ sort: "-requested", page: "1" }))).toBe("");
    expect(threatModelsList.query(threatModelsList.parse({ flagged: "no" }))).toBe("");
    expect(threatModelsList.query(threatModelsList.parse({ flagged: "yes" }))).toBe("flagged=yes");
    expect(peopleList.query(peopleList.parse({ q: "   " }))).toBe("");
  });

  it("applies changes on top of the state (a new page or sort) without losing the filters", () => {
    const state = peopleList.parse({ q: "ana", role: "GUARDIAN", page: "4" });
    expect(peopleList.href("/directory/people", state, { page: 5 })).toBe(
      "/directory/people?q=ana&role=GUARDIAN&page=5",
    );
    expect(
      peopleList.href("/directory/people", state, { sort: { key: "name", desc: true }, page: 1 }),
    ).toBe("/directory/people?q=ana&role=GUARDIAN&sort=-name");
  });

  it("takes the first value of a repeated parameter", () => {
    const state = dashboardView.parse({
      org: ["3", "4"],
      from: ["2025-Q4", "x"],
      page: ["2", "9"],
    });
    expect(state.filter).toEqual({ org: 3, team: undefined, from: "2025-Q4", to: undefined });
    expect(state.page).toBe(2);
  });

  it("ignores malformed values instead of failing the page", () => {
    const state = auditList.parse({
      entity: 'Team"; DROP TABLE "AuditLog',
      action: "UPDATE!",
      from: "2026-02-30",
      to: "yesterday",
      sort: "-password",
      page: "-2",
    });
    expect(state.filter).toEqual({
      entity: undefined,
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
    });
    expect(state.page).toBe(1);
    expect(state.sort).toEqual({ key: "at", desc: true });
    expect(dashboardView.parse({ org: "0", team: "1e309", to: "2026-Q5" }).filter).toEqual({
      org: undefined,
      team: undefined,
      from: undefined,
      to: undefined,
    });
    expect(peopleList.parse({ role: "ROOT", q: "x".repeat(101) }).filter).toMatchObject({
      role: undefined,
      q: undefined,
    });
  });

  it("pages from 1 to 100,000 only", () => {
    expect([parsePage("7"), parsePage("0"), parsePage("1.5"), parsePage("100001")]).toEqual([
      7, 1, 1, 1,
    ]);
    expect(parsePage(undefined)).toBe(1);
  });

  it("writes true as yes and omits blanks in any query", () => {
    expect(toQuery({ a: true, b: false, c: "", d: 0, e: "x y" }, { d: 1 })).toBe("a=yes&d=0&e=x+y");
  });
});

describe("sort parameter", () => {
  const keys = ["name", "at"] as const;
  const fallback = { key: "name", desc: false } as const;
  it("reads key and direction, falling back on unknown keys", () => {
    expect(parseSort("-at", keys, fallback)).toEqual({ key: "at", desc: true });
    expect(parseSort("at", keys, fallback)).toEqual({ key: "at", desc: false });
    expect(parseSort(["-name", "at"], keys, fallback)).toEqual({ key: "name", desc: true });
    expect(parseSort("--at", keys, fallback)).toEqual(fallback);
    expect(parseSort(undefined, keys, fallback)).toEqual(fallback);
  });
  it("toggles the direction of the same key and starts a new key in its first direction", () => {
    expect(nextSort({ key: "name", desc: false }, "name")).toEqual({ key: "name", desc: true });
    expect(nextSort({ key: "name", desc: true }, "name")).toEqual({ key: "name", desc: false });
    expect(nextSort({ key: "name", desc: false }, "at", true)).toEqual({ key: "at", desc: true });
    expect(formatSort({ key: "at", desc: true })).toBe("-at");
  });
});
