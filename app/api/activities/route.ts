import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { controlCharacterErrors } from "@/lib/server/action-state";
import { errorResponse, isSameOrigin } from "@/lib/server/api";
import { logActivity } from "@/lib/server/activity/service";
import { newActivitySchema } from "@/lib/validations/activity";

// Hour logging as JSON, for scripts and phones: the same rules as the form.
export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  // Inside the try: loading the person reads the database, so an outage answers 503 here too.
  try {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    if (!can(actor, "activity.log"))
      return Response.json({ error: "You do not have permission to log hours." }, { status: 403 });
    const body: unknown = await request.json().catch(() => null);
    const control =
      body && typeof body === "object"
        ? controlCharacterErrors(body as Record<string, unknown>)
        : null;
    if (control) {
      return Response.json(
        {
          error: "Invalid input",
          issues: Object.entries(control.fieldErrors!).map(([path, messages]) => ({
            path,
            message: messages![0],
          })),
        },
        { status: 422 },
      );
    }
    const input = newActivitySchema.parse(body ?? {});
    const { entry, created } = await logActivity(actor, input);
    return Response.json(
      { id: String(entry.id), created, hours: entry.quarterHours / 4 },
      { status: created ? 201 : 200 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
