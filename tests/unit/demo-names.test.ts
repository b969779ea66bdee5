import { describe, expect, it } from "vitest";
import { personNames } from "@/lib/demo/names";
import { Random } from "@/lib/demo/random";

const names = (seed: number, count: number) => {
  const name = personNames(new Random(seed));
  return Array.from({ length: count }, name);
};

describe("demo person names", () => {
  it("are the same for the same seed and differ for another", () => {
    expect(names(42, 50)).toEqual(names(42, 50));
    expect(names(7, 50)).not.toEqual(names(42, 50));
  });

  it("take exactly two draws each, so the rest of the simulation keeps its draws", () => {
    const rand = new Random(42);
    const name = personNames(rand);
    name();
    name();
    const reference = new Random(42);
    for (let i = 0; i < 4; i++) reference.next();
    expect(rand.next()).toBe(reference.next());
  });

  it("are a first and a last name, varied enough for thousands of people", () => {
    const list = names(1, 2000);
    for (const n of list) expect(n).toMatch(/^\S.*\S \S.*\S$/);
    expect(new Set(list).size).toBeGreaterThan(1900);
  });
});
