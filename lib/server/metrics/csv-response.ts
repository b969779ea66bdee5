import "server-only";

/** A metrics CSV as a download: whole text, or pieces streamed as they are written. */
export function csvResponse(body: string | Iterator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const content =
    typeof body === "string"
      ? body
      : new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = body.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          },
        });
  return new Response(content, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** What every metrics CSV route asks of its reader (apiRoute's options, with the route's own query). */
export const DASHBOARD_READ = {
  permission: "dashboard.read",
  messages: { forbidden: "You do not have permission to read dashboards." },
} as const;
