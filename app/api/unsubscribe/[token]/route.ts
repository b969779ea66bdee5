import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { publicRoute } from "@/lib/server/api-route";
import { unsubscribeWithToken } from "@/lib/server/notifications/unsubscribe";

// The List-Unsubscribe address of every notification email (RFC 8058). A mail provider's
// "unsubscribe" button POSTs `List-Unsubscribe=One-Click` here, without the person's session and
// from another site: the token's HMAC is the authority, so there is no session or same-origin
// check, and the body is not needed. Idempotent: a second POST changes nothing and answers 200.
export const POST = publicRoute<{ token: string }>(async ({ params }) => {
  const kinds = await unsubscribeWithToken(params.token);
  const text = kinds.length
    ? `Unsubscribed: no more emails for ${kinds.map((k) => NOTIFICATION_KINDS[k].label).join(", ")}.`
    : "Unsubscribed: those emails were already off.";
  return new Response(`${text}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});

// Someone who opens the address in a browser gets the page that asks first: a GET changes
// nothing, since mail scanners follow links.
export const GET = publicRoute<{ token: string }>(
  async ({ params }) =>
    new Response(null, {
      status: 303,
      headers: {
        Location: `/unsubscribe/${encodeURIComponent(params.token)}`,
        "Referrer-Policy": "no-referrer",
      },
    }),
);
