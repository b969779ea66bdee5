import { z } from "zod";
import { MAX_QUERY_LENGTH, SEARCH_TYPES } from "@/lib/search/query";

/** The text of a search box: at most 100 characters, no NUL. */
export const searchText = z
  .string("Type what to search for")
  .max(MAX_QUERY_LENGTH, `Type at most ${MAX_QUERY_LENGTH} characters`)
  .refine((s) => !s.includes("\u0000"), "Remove the NUL character")
  .default("");

/** `GET /api/search`: one kind of record a page at a time (pickers), or every kind grouped. */
export const searchRequestSchema = z.object({
  q: searchText,
  type: z.enum(SEARCH_TYPES, "Choose people, teams, reviews, threat models or releases").optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, "Choose a page from 1 to 999")
    .transform(Number)
    .optional(),
  // Pickers choose among people who can still take part.
  active: z.enum(["1"], "Leave out active or set it to 1").optional(),
});
