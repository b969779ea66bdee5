// Strict types at the edge, against the running app over HTTP: ids in page URLs that no record
// can have answer 404 (not 500), and a server action posted something other than form data
// answers a validation error (not a crash).
import { readFileSync } from "node:fs";
import { DEMO, expect, signIn, test } from "./fixtures";

const ODD_IDS = ["99999999999999999999", "2147483648", "0x10", "1e3", "-1", "0"];

test("ids in page URLs beyond the integer range (or spelled oddly) answer 404", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  const pages = [
    "/reviews/:id",
    "/people/:id",
    "/newsletters/:id",
    "/threat-models/:id",
    "/directory/teams/:id",
    "/directory/teams/:id/edit",
    "/directory/orgs/:id/edit",
    "/directory/people/:id/edit",
    "/training/courses/:id/edit",
  ];
  for (const path of pages)
    for (const id of ODD_IDS) {
      const url = path.replace(":id", id);
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(404);
    }
  // The same pages still open for a real id.
  expect((await page.request.get("/reviews/1")).status()).toBe(200);
});

test("an hour entry's edit page answers 404 for ids beyond its range", async ({ page }) => {
  await signIn(page, DEMO.engineer);
  for (const id of ["99999999999999999999", "9223372036854775808", "0x10", "1e3", "-1"])
    expect((await page.request.get(`/log/${id}/edit`)).status(), id).toBe(404);
});

/** A server action's id in the build under test (Next.js hashes it; the manifest names it). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  expect(found, exportedName).toBeTruthy();
  return found![0];
}

// Bodies Next.js's client never sends for these actions (it posts multipart form data).
const NOT_FORMS: { type: string; data: string }[] = [
  { type: "application/json", data: JSON.stringify({ email: "ada@example.test" }) },
  { type: "application/json", data: JSON.stringify([{ status: "idle" }, { hours: 1 }]) },
  { type: "text/plain;charset=UTF-8", data: "just some text" },
  { type: "text/plain;charset=UTF-8", data: "[]" },
  { type: "application/x-www-form-urlencoded", data: "email=ada%40example.test" },
];
// Multipart, but the arguments it encodes (React's reply format: the root in field "0") are
// not a form: a string, an object, a list of pairs.
const NOT_FORM_ARGUMENTS = [
  [{ status: "idle" }, "email=ada@example.test"],
  [{ status: "idle" }, { email: "ada@example.test", hours: 1 }],
  [{ status: "idle" }, [["email", "ada@example.test"]]],
];

async function postNotForms(
  page: import("@playwright/test").Page,
  path: string,
  action: string,
): Promise<void> {
  await page.goto(path);
  const headers = {
    "Next-Action": actionId(action),
    Accept: "text/x-component",
    Origin: new URL(page.url()).origin,
  };
  for (const body of NOT_FORMS) {
    const res = await page.request.post(path, {
      headers: { ...headers, "Content-Type": body.type },
      data: body.data,
    });
    const where = `${action} ${body.type} ${body.data}`;
    expect(res.status(), where).toBe(422);
    expect(await res.json(), where).toMatchObject({
      error: "Send the form's fields as form data.",
      code: "invalid_input",
    });
  }
  for (const args of NOT_FORM_ARGUMENTS) {
    const res = await page.request.post(path, {
      headers,
      multipart: { "0": JSON.stringify(args) },
    });
    const text = await res.text();
    const where = `${action} multipart ${JSON.stringify(args)} → ${res.status()} ${text.slice(0, 300)}`;
    expect(res.status(), where).toBe(200);
    expect(text, where).toContain("Send the form's fields as form data.");
  }
}

test("a server action posted something other than form data answers a validation error", async ({
  page,
}) => {
  // A page for signed-out people (its action is not built on formAction)…
  await postNotForms(page, "/forgot-password", "requestPasswordResetAction");
  // …and a signed-in one; no hours are logged.
  await signIn(page, DEMO.engineer);
  const entries = async () =>
    /(\d+)<!-- --> in total/.exec(await (await page.request.get("/log")).text())?.[1];
  const before = await entries();
  expect(before).toBeDefined();
  await postNotForms(page, "/log", "logActivityAction");
  expect(await entries()).toBe(before);
});
