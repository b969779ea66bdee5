// The possessive of a name, for sentences built around names of people, teams and organisations:
// "Lena's", "Payments'" (a name ending in a lower-case s takes the apostrophe alone), "AWS's"
// (an abbreviation in capitals keeps 's). Every possessive of a name is built here.

/** `name` with its possessive ending: possessive("Payments") is "Payments'". */
export function possessive(name: string): string {
  const trimmed = name.trimEnd();
  return trimmed.endsWith("s") ? `${trimmed}'` : `${trimmed}'s`;
}
