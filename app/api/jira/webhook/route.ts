import { publicRoute } from "@/lib/server/api-route";
import { receiveJiraWebhook } from "@/lib/server/jira/webhook";

// POST /api/jira/webhook?team=<team key>: Jira's "Issue created" webhook requests a review
// (README, "Connecting Jira"). No session and no same-origin check: Jira posts from elsewhere,
// and the body's HMAC signature with the shared secret is the authority.
export const POST = publicRoute(async ({ request }) => {
  const answer = await receiveJiraWebhook(request);
  return Response.json(answer, {
    status: answer.status === "created" ? 201 : 200,
    headers: { "Cache-Control": "no-store" },
  });
});
