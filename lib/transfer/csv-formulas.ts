// Spreadsheet formula injection (OWASP "CSV Injection"): a cell a spreadsheet program would run
// as a formula is written with a leading `'`, which spreadsheets take as "this is text". The
// reader undoes exactly that, so importing an export gives back the original text.

/**
 * First characters that make a spreadsheet read a cell as a formula: OWASP's list (`=`, `+`,
 * `-`, `@`, tab, carriage return), a line feed, and the full-width forms of `=`, `+`, `-`, `@`,
 * which some spreadsheet programs turn into their ASCII forms.
 */
export const FORMULA_TRIGGERS: readonly string[] = [
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\uFF1D",
  "\uFF0B",
  "\uFF0D",
  "\uFF20",
];

const ESCAPE = "'";
const ESCAPED_FIRST = new Set([...FORMULA_TRIGGERS, ESCAPE]);

/**
 * A text cell as written: a leading `'` before a formula trigger, and before a `'` the text
 * really starts with (so the reader can tell the two apart).
 */
export const neutraliseCell = (text: string): string =>
  ESCAPED_FIRST.has(text.charAt(0)) ? ESCAPE + text : text;

/**
 * The text a written cell stands for: the exact inverse of `neutraliseCell`. A `'` not followed
 * by a trigger or another `'` was not written by it (typed by hand), and is kept.
 */
export const restoreCell = (cell: string): string =>
  cell.charAt(0) === ESCAPE && ESCAPED_FIRST.has(cell.charAt(1)) ? cell.slice(1) : cell;

/** A plain decimal number (`-1.5`, `3`, `0.25`): what a numeric column may hold bare. */
export const isPlainNumber = (cell: string): boolean => /^-?(?:\d+(?:\.\d+)?|\.\d+)$/.test(cell);
