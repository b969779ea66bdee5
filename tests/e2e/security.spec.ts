import { randomUUID } from "node:crypto";
import { DEMO, expect, signIn, test } from "./fixtures";

test("security headers are set on every page", async ({ request }) => {
  const res = await request.get("/sign-in");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("default-src 'self'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("the session cookie is httpOnly and SameSite", async ({ page, context }) => {
  await signIn(page, DEMO.guardian);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  // Served over plain HTTP here; over HTTPS (NEXTAUTH_URL https://…) Auth.js adds Secure and the
  // __Secure- prefix.
  expect(cookie.secure).toBe(false);
});

test("a cross-site request to a mutating route is refused and changes nothing", async ({
  page,
  context,
}) => {
  // The builder, not the demo guardian: the hour-logging journey checks the guardian's month total.
  await signIn(page, DEMO.builder);
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = {
    date: new Date().toISOString().slice(0, 10),
    hours: 0.25,
    type: "OTHER",
    idempotencyKey: randomUUID(),
  };
  const foreign = await page.request.post("/api/activities", {
    headers: { origin: "https://evil.example", cookie: cookies },
    data: body,
  });
  expect(foreign.status()).toBe(403);
  const same = await page.request.post("/api/activities", {
    headers: { origin: new URL(page.url()).origin, cookie: cookies },
    data: body,
  });
  expect(same.status()).toBe(201);
  const again = await page.request.post("/api/activities", {
    headers: { origin: new URL(page.url()).origin, cookie: cookies },
    data: body,
  });
  expect(again.status()).toBe(200); // the same idempotency key: no second entry
  const bad = await page.request.post("/api/activities", {
    headers: { origin: new URL(page.url()).origin, cookie: cookies },
    data: { ...body, hours: -3, idempotencyKey: randomUUID() },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).issues[0].message).toBe("Hours must be more than 0");
});

test("API routes answer a caller without a session with 401, pages send them to sign in", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const origin = new URL(baseURL!).origin;
  const api = await anonymous.post("/api/activities", {
    headers: { origin },
    data: { date: "2026-01-05", hours: 1, type: "OTHER", idempotencyKey: randomUUID() },
    maxRedirects: 0,
  });
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "Sign in first.", code: "unauthenticated" });
  expect((await anonymous.get("/api/teams?for=dashboard", { maxRedirects: 0 })).status()).toBe(401);
  const page = await anonymous.get("/reviews", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain("/sign-in?callbackUrl=%2Freviews");
  await anonymous.dispose();
});

test("a server action replayed from another site is refused and changes nothing", async ({
  page,
}) => {
  await signIn(page, DEMO.builder);
  await page.goto("/log");
  const total = page.getByTestId("month-total");
  const before = await total.textContent();
  // Capture a real server-action request (the hour-logging form), then replay it with a foreign Origin.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    (async () => {
      await page.keyboard.type("0.25");
      await page.getByLabel("Activity").selectOption("OTHER");
      await page.getByRole("button", { name: "Log hours" }).click();
    })(),
  ]);
  await expect(page.getByRole("status")).toHaveText("Logged 0.25 h.");
  // The total follows once the page has refreshed after the action (later than the toast under load).
  await expect(total).not.toHaveText(before!);
  const logged = await total.textContent();
  const key = /name="(?:_?\d+_)?idempotencyKey"\r\n\r\n([^\r]+)/.exec(
    request.postData() ?? "",
  )?.[1];
  expect(key, "the form sends an idempotency key").toBeTruthy();
  const replay = (origin: string) => {
    const headers: Record<string, string> = { ...request.headers(), origin };
    delete headers["content-length"];
    return page.request.post(request.url(), {
      headers,
      data: request.postData()!.replace(key!, randomUUID()),
      failOnStatusCode: false,
    });
  };
  // Control: the same replay from the app's own origin is accepted and logs another 0.25 h, so
  // the refusal below is the Origin check and not a malformed replay.
  expect((await replay(new URL(page.url()).origin)).status()).toBe(200);
  await page.reload();
  await expect(total).not.toHaveText(logged!);
  const afterControl = await total.textContent();
  expect((await replay("https://evil.example")).status()).toBeGreaterThanOrEqual(400);
  await page.reload();
  await expect(total).toHaveText(afterControl!);
});
