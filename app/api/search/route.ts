import { apiRoute } from "@/lib/server/api-route";
import { searchEverything, searchRecords } from "@/lib/server/search/service";
import { SEARCH_PERMISSION } from "@/lib/server/search/sources";
import { searchRequestSchema } from "@/lib/validations/search";

// The record pickers' suggestions (`type` given: that kind, 10 a page) and the header search
// box's (every kind the reader may search, 5 of each), as the person types.
export const GET = apiRoute(
  {
    query: searchRequestSchema,
    permission: (input) => (input.type ? SEARCH_PERMISSION[input.type] : "program.read"),
    messages: { forbidden: "You do not have permission to search these records." },
  },
  async ({ actor, input }) =>
    input.type
      ? searchRecords(actor, {
          q: input.q,
          type: input.type,
          page: input.page,
          perPage: 10,
          activeOnly: input.active === "1",
        })
      : { groups: await searchEverything(actor, input.q) },
);
