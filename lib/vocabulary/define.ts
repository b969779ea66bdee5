// One shape for every enumeration of the schema: its values in the schema's order, a label for
// each, and the word the spreadsheet files use. Values come from Prisma's generated `enums.ts`, a
// plain module without imports (no Prisma runtime), so client components may import this too.

/** QUICK_WINS ↔ quick-wins: how the spreadsheet files spell an enum value. */
export const csvWord = (value: string) => value.toLowerCase().replace(/_/g, "-");

export type Option<T extends string> = { value: T; label: string };

export type Vocabulary<T extends string> = {
  /** Every value in the schema's order: what selects list and `z.enum` accepts. */
  values: readonly [T, ...T[]];
  labels: Readonly<Record<T, string>>;
  label(value: T): string;
  /** `{ value, label }` pairs for selects, in the schema's order. */
  options: Option<T>[];
  /** Position in the schema's order, for sorting and ranking (belts, severities). */
  rank(value: T): number;
};

/**
 * `labels` is typed by the Prisma enum, so a value added to the schema fails the build until it
 * has a label here.
 */
export function defineVocabulary<T extends string>(
  prismaEnum: Readonly<Record<string, T>>,
  labels: Readonly<Record<NoInfer<T>, string>>,
): Vocabulary<T> {
  const values = Object.values(prismaEnum) as [T, ...T[]];
  return {
    values,
    labels,
    label: (value) => labels[value],
    options: values.map((value) => ({ value, label: labels[value] })),
    rank: (value) => values.indexOf(value),
  };
}
