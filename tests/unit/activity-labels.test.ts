import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { familyById } from "@/lib/metrics/series";
import { ACTIVITY_TYPE } from "@/lib/vocabulary";

// Each activity type has one label, the Log hours form's (lib/vocabulary/work.ts): the form, the
// entry tables, the dashboards, their CSV and any message read it from there.
const SOURCES = ["app", "components", "lib", "emails"];
const OWN = path.join("lib", "vocabulary");

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["generated", "node_modules"].includes(entry.name)) sourceFiles(file, out);
    } else if (/\.tsx?$/.test(entry.name)) out.push(file);
  }
  return out;
}

describe("activity type labels", () => {
  it("are written once, in the vocabulary: no other source spells one in a string", () => {
    // Labels of more than one word ("Training" and "Other" are words of the app everywhere).
    const labels = ACTIVITY_TYPE.values
      .map((t) => ACTIVITY_TYPE.label(t))
      .filter((l) => / /.test(l));
    expect(labels.length).toBeGreaterThan(4);
    const quoted = new RegExp(
      `["'\`](${labels.map((l) => l.replace(/[-]/g, "\\-")).join("|")})["'\`]`,
      "i",
    );
    const offenders = SOURCES.flatMap((d) => sourceFiles(d))
      .filter((f) => !f.startsWith(OWN))
      .filter((f) => quoted.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("name the dashboards' hours-by-type series with the same words", () => {
    const time = familyById("time")!;
    const byType = time.series.filter((s) => s.id.startsWith("guardian-hours-") && s.stacked);
    expect(byType.map((s) => s.label)).toEqual(
      ACTIVITY_TYPE.values.map((t) => `Guardian hours: ${ACTIVITY_TYPE.label(t).toLowerCase()}`),
    );
  });
});
