import { toHours } from "@/lib/hours";
import { apiRoute } from "@/lib/server/api-route";
import { logActivity } from "@/lib/server/activity/service";
import { activityRequestSchema } from "@/lib/validations/activity";

// Hour logging as JSON, for scripts and phones: the same rules as the form.
export const POST = apiRoute(
  {
    permission: "activity.log",
    json: activityRequestSchema,
    mutates: true,
    messages: { forbidden: "You do not have permission to log hours." },
  },
  async ({ actor, input }) => {
    const { entry, created } = await logActivity(actor, input);
    return Response.json(
      { id: String(entry.id), created, hours: toHours(entry.quarterHours) },
      { status: created ? 201 : 200 },
    );
  },
);
