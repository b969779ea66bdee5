import { randomUUID } from "node:crypto";
import { DEMO, expect, test } from "./fixtures";
import { withE2eDb } from "./db";
import {
  E2E_PORT,
  ORIGIN,
  listeningPid,
  postLarge,
  rawStatus,
  request,
  rssBytes,
  sessionCookie,
} from "./http-client";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

// The app's HTTP front (lib/http/front.ts) against the running production server.
const MB = 1024 * 1024;

test.describe("request body limits", () => {
  test("a Content-Length over the route's limit is answered 413 before the body is sent", async () => {
    const head = (path: string, length: number) => [
      `POST ${path} HTTP/1.1`,
      `Host: localhost:${E2E_PORT}`,
      "Content-Type: application/json",
      `Content-Length: ${length}`,
    ];
    // Nothing of the body is ever sent: the answer cannot have waited for it.
    expect(await rawStatus(head("/api/activities", 60 * MB))).toBe(413);
    expect(await rawStatus(head("/api/auth/callback/credentials", MB))).toBe(413);
    expect(await rawStatus(head("/log", 2 * MB))).toBe(413); // a server action
    expect(await rawStatus(head("/api/transfer/import", 60 * MB))).toBe(413);
  });

  test("a body without a length is cut off at the limit", async () => {
    const status = await rawStatus(
      [
        "POST /api/activities HTTP/1.1",
        `Host: localhost:${E2E_PORT}`,
        "Transfer-Encoding: chunked",
      ],
      (socket) => {
        const chunk = Buffer.alloc(32 * 1024, "a");
        for (let i = 0; i < 4; i++) socket.write(`8000\r\n${chunk.toString()}\r\n`);
        // 128 KB sent, and never the last chunk: the server must not wait for the end.
      },
    );
    expect(status).toBe(413);
  });

  test("normal requests still pass: hour logging, sign-in, pages", async () => {
    const cookie = await sessionCookie(DEMO.builder, DEMO_PASSWORD);
    const res = await request("/api/activities", {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, cookie },
      body: JSON.stringify({
        date: new Date().toISOString().slice(0, 10),
        hours: 0.25,
        type: "OTHER",
        idempotencyKey: randomUUID(),
        note: "n".repeat(500),
      }),
    });
    expect(res.status).toBe(201);
    expect((await request("/log", { headers: { cookie } })).status).toBe(200);
  });

  test("ten parallel 60 MB bodies to the hours API are refused without the server growing", async () => {
    test.setTimeout(120_000);
    const cookie = await sessionCookie(DEMO.builder, DEMO_PASSWORD);
    const pid = listeningPid(E2E_PORT);
    const before = rssBytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
    const headers = { "content-type": "application/json", origin: ORIGIN, cookie };
    const statuses: Record<string, number[]> = {};
    try {
      for (const chunked of [false, true])
        statuses[chunked ? "chunked" : "with Content-Length"] = await Promise.all(
          Array.from({ length: 10 }, () => postLarge("/api/activities", headers, 60 * MB, chunked)),
        );
    } finally {
      clearInterval(sampler);
    }
    // Reading the bodies (what happened before) grew the server by about 1 GB.
    const grownMb = (peak - before) / MB;
    console.log(`server RSS ${(before / MB).toFixed(0)} MB, peak +${grownMb.toFixed(1)} MB`);
    for (const [how, answers] of Object.entries(statuses))
      expect(answers, how).toEqual(Array(10).fill(413));
    expect(grownMb).toBeLessThan(100);
  });
});

test.describe("forwarded headers", () => {
  test("a server action posted from another origin is refused even with a matching X-Forwarded-Host", async ({
    page,
  }) => {
    // Capture a real server action post (forgot password) from the browser…
    const email = `csrf-${Date.now()}@e2e.test`;
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      page.getByRole("button", { name: "Send me a link" }).click(),
    ]);
    await expect(page.getByText(/If an account exists for that address/)).toBeVisible();
    const replay = (headers: Record<string, string>) =>
      request("/forgot-password", {
        method: "POST",
        headers: {
          accept: "text/x-component",
          "content-type": action.headers()["content-type"],
          "next-action": action.headers()["next-action"],
          ...headers,
        },
        body: action.postDataBuffer()!,
      });
    const requests = () =>
      withE2eDb(async (c) => {
        const { rows } = await c.query(
          `SELECT count(*)::int AS n FROM "PasswordResetRequest" WHERE email = $1`,
          [email],
        );
        return rows[0].n as number;
      });
    expect(await requests()).toBe(1);
    // …then post it again as another site would, claiming to be that site behind a proxy.
    const forged = await replay({
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(forged.status).toBe(500); // Next.js: "Invalid Server Actions request"
    expect(forged.body).not.toContain("If an account exists");
    expect(await requests()).toBe(1);
    // The same post from this app's own origin goes through (the replay itself is sound).
    const own = await replay({ origin: ORIGIN });
    expect(own.status).toBe(200);
    expect(own.body).toContain("If an account exists");
    expect(await requests()).toBe(2);
  });
});
