import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { scopeLabel, unsubscribeStatus } from "@/lib/server/notifications/unsubscribe";

// The token is in the address: no Referer carries it anywhere (proxy.ts sends the same header).
export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// The emailed unsubscribe link, signed out or in. Showing it changes nothing (mail scanners
// open links): the button does it.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await unsubscribeStatus(token);
  if (status.state === "invalid")
    return (
      <AuthCard title="This link does not work">
        <p role="alert" className="text-sm">
          This unsubscribe link is not valid: it may have been cut short when it was copied.
        </p>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          You can choose which emails you get on your email preferences page after signing in.
        </p>
        <p className="mt-4">
          <Link href="/notifications/preferences" className={authLinkClass}>
            Email preferences
          </Link>
        </p>
      </AuthCard>
    );
  const what = scopeLabel(status.scope);
  return (
    <AuthCard title="Unsubscribe">
      {status.kinds.length === 0 ? (
        <p className="text-sm">
          {status.name}, {what} {"digest" in status.scope ? "is" : "are"} already off: there is
          nothing to turn off.
        </p>
      ) : (
        <>
          <p className="text-sm">
            {status.name}, this turns off {what}.
            {"digest" in status.scope ? " These will no longer be emailed:" : ""}
          </p>
          {"digest" in status.scope ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {status.kinds.map((k) => (
                <li key={k}>{NOTIFICATION_KINDS[k].label}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            They still show in the app, under the bell.
          </p>
          <UnsubscribeForm token={token} />
        </>
      )}
      <p className="mt-4">
        <Link href="/notifications/preferences" className={authLinkClass}>
          Choose which emails you get
        </Link>
      </p>
    </AuthCard>
  );
}
