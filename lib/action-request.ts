// Next.js's client posts every server action here as multipart form data (each action takes a
// FormData). A request with the Next-Action header and any other body is crafted: Next.js would
// decode a text body as a React reply (JSON), and text that is not JSON fails there with a 500
// before any code of ours runs. Such requests are refused first (proxy.ts); a multipart body
// whose decoded argument is still not a form is refused by the action wrappers (formFields).

export const NOT_A_FORM = "Send the form's fields as form data.";

/** Whether a request calls a server action with a body that is not multipart form data. */
export function isActionPostWithoutForm(method: string, headers: Headers): boolean {
  return (
    method === "POST" &&
    headers.has("next-action") &&
    !/^multipart\/form-data\s*;/i.test(headers.get("content-type") ?? "")
  );
}

/** The answer to such a request: invalid input, in the JSON API's shape. */
export function actionWithoutFormResponse(): Response {
  return Response.json(
    { error: NOT_A_FORM, code: "invalid_input", issues: [{ path: "form", message: NOT_A_FORM }] },
    { status: 422 },
  );
}
