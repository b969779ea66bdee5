import { describe, expect, it } from "vitest";
import { axisLabel } from "@/lib/charts/axis";
import {
  ACTIVITY_COLOUR,
  AGREEMENT_COLOUR,
  BELT_COLOUR,
  SEVERITY_COLOUR,
  type Swatch,
} from "@/lib/charts/colours";
import { FAMILIES, buildSeries, chartGroups, familyById } from "@/lib/metrics/series";
import { ACTIVITY_TYPE, BELT, SEVERITY } from "@/lib/vocabulary";

// Colour arithmetic for the assertions: hue (degrees), HSL lightness (0–1), WCAG contrast.
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
function hsl(hex: string) {
  const [r, g, b] = rgb(hex);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const hue =
    d === 0
      ? 0
      : max === r
        ? (((g - b) / d) * 60 + 360) % 360
        : max === g
          ? ((b - r) / d) * 60 + 120
          : ((r - g) / d) * 60 + 240;
  const lightness = (max + min) / 2;
  const saturation = d === 0 ? 0 : d / (1 - Math.abs(2 * lightness - 1));
  return { hue, lightness, saturation };
}
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const CARD_LIGHT = "#ffffff";
const CARD_DARK = "#0f172a"; // slate-900, the dark theme's card
const visibleOn = (s: Swatch, background: string) =>
  Math.max(
    s.fill === "transparent" ? 1 : contrast(s.fill, background),
    contrast(s.stroke, background),
  );

describe("chart colours that mean something", () => {
  const all: [string, Swatch][] = [
    ...Object.entries(BELT_COLOUR),
    ...Object.entries(SEVERITY_COLOUR),
    ...Object.entries(ACTIVITY_COLOUR),
    ...Object.entries(AGREEMENT_COLOUR),
  ];

  it("every belt, severity and activity type has a colour", () => {
    expect(Object.keys(BELT_COLOUR).sort()).toEqual(["NONE", ...BELT.values].sort());
    expect(Object.keys(SEVERITY_COLOUR).sort()).toEqual([...SEVERITY.values].sort());
    expect(Object.keys(ACTIVITY_COLOUR).sort()).toEqual([...ACTIVITY_TYPE.values].sort());
  });

  it("every colour shows on the light and the dark theme's cards (fill or outline ≥ 3:1)", () => {
    for (const [name, swatch] of all) {
      expect(visibleOn(swatch, CARD_LIGHT), `${name} on light`).toBeGreaterThanOrEqual(3);
      expect(visibleOn(swatch, CARD_DARK), `${name} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it("belts read as their colour", () => {
    const yellow = hsl(BELT_COLOUR.YELLOW.fill);
    expect(yellow.hue).toBeGreaterThanOrEqual(45);
    expect(yellow.hue).toBeLessThanOrEqual(60);
    expect(yellow.saturation).toBeGreaterThan(0.7);
    const green = hsl(BELT_COLOUR.GREEN.fill);
    expect(green.hue).toBeGreaterThanOrEqual(90);
    expect(green.hue).toBeLessThanOrEqual(160);
    // White: near white, with an outline that shows on a white card.
    expect(hsl(BELT_COLOUR.WHITE.fill).lightness).toBeGreaterThan(0.95);
    expect(contrast(BELT_COLOUR.WHITE.stroke, CARD_LIGHT)).toBeGreaterThanOrEqual(3);
    expect(hsl(BELT_COLOUR.BLACK.fill).lightness).toBeLessThan(0.15);
    expect(BELT_COLOUR.NONE.dash).toBeTruthy();
  });

  it("the severity scale runs from red (critical) to pale yellow (low), hue and lightness rising", () => {
    const scale = SEVERITY.values.map((s) => hsl(SEVERITY_COLOUR[s].fill));
    expect(SEVERITY.values[0]).toBe("CRITICAL");
    expect(scale[0].hue).toBeLessThan(10);
    for (let i = 1; i < scale.length; i++) {
      expect(scale[i].hue).toBeGreaterThan(scale[i - 1].hue);
      expect(scale[i].lightness).toBeGreaterThan(scale[i - 1].lightness);
      expect(scale[i].hue).toBeLessThanOrEqual(60);
    }
  });

  it("activity types are told apart by hue (grey 'other' aside)", () => {
    const hues = ACTIVITY_TYPE.values
      .filter((t) => t !== "OTHER")
      .map((t) => hsl(ACTIVITY_COLOUR[t].fill).hue);
    for (let i = 0; i < hues.length; i++)
      for (let j = i + 1; j < hues.length; j++) {
        const apart = Math.abs(hues[i] - hues[j]);
        expect(Math.min(apart, 360 - apart)).toBeGreaterThanOrEqual(15);
      }
    expect(hsl(ACTIVITY_COLOUR.OTHER.fill).saturation).toBeLessThan(0.25);
  });
});

describe("the dashboards' charts use them", () => {
  const series = (family: string) => familyById(family)!.series;

  it("belts and activity types are stacked bars in their own colours", () => {
    const belts = series("people").filter((s) => s.id.startsWith("belt-"));
    expect(belts.map((s) => s.swatch)).toEqual(
      (["NONE", ...BELT.values] as const).map((b) => BELT_COLOUR[b]),
    );
    expect(belts.every((s) => s.stacked)).toBe(true);
    for (const chart of ["Guardian hours by activity type", "Builder hours by activity type"]) {
      const types = series("time").filter((s) => s.chart === chart);
      expect(types.map((s) => s.swatch)).toEqual(
        ACTIVITY_TYPE.values.map((t) => ACTIVITY_COLOUR[t]),
      );
      expect(types.every((s) => s.stacked)).toBe(true);
    }
  });

  it("findings by severity use the severity scale", () => {
    const bySeverity = series("findings").filter((s) => s.swatch);
    expect(bySeverity.map((s) => s.swatch)).toEqual(SEVERITY.values.map((v) => SEVERITY_COLOUR[v]));
  });

  it("every chart's value axis names its unit", () => {
    const labels = FAMILIES.flatMap((f) =>
      chartGroups(buildSeries(f, [])).map((g) => axisLabel(g.unit, g.axis)),
    );
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels)).toEqual(
      new Set([
        "days",
        "percent (%)",
        "hours (h)",
        "count",
        "findings per team",
        "guardians",
        "rating (/5)",
      ]),
    );
  });
});
