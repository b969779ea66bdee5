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
