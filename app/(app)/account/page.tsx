import type { Metadata } from "next";
import { EndSessionsButton } from "@/components/account/end-sessions-button";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/guards";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { ROLE } from "@/lib/vocabulary";
import { accountOverview } from "@/lib/server/account/service";
import { RatingConsentCard } from "@/components/impact/rating-consent";
import { ratingCommentConsent } from "@/lib/server/impact/statement";
import { RecognitionVisibilityCard } from "@/components/recognition/visibility-card";
import { hiddenFromRecognition } from "@/lib/server/recognition/visibility";

export const metadata: Metadata = { title: "Your account" };

const when = (d: Date) =>
  d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export default async function AccountPage() {
  const actor = await requireActor();
  const [account, shareRatingComments, hidden] = await Promise.all([
    accountOverview(actor),
    ratingCommentConsent(actor),
    hiddenFromRecognition(actor),
  ]);
  const { passwordSignIn } = signInConfig();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title="Your account"
        description={`${actor.email} · ${actor.roles.map(ROLE.label).join(", ") || "no role"}`}
      />
      <Card aria-labelledby="signin-heading" className="space-y-2">
        <CardTitle>
          <span id="signin-heading">How you sign in</span>
        </CardTitle>
        <ul className="list-inside list-disc text-sm">
          {account.sso.map((s) => (
            <li key={s.issuer}>
              Single sign-on as {s.email} (last {when(s.lastSignInAt)})
            </li>
          ))}
          {account.hasPassword ? (
            <li>
              Password
              {account.passwordChangedAt ? `, changed ${when(account.passwordChangedAt)}` : ""}
            </li>
          ) : null}
          {!account.sso.length && !account.hasPassword ? <li>No sign-in method yet.</li> : null}
        </ul>
      </Card>
      {account.hasPassword && passwordSignIn ? (
        <Card aria-labelledby="password-heading" className="space-y-3">
          <CardTitle>
            <span id="password-heading">Change your password</span>
          </CardTitle>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Changing it signs you out of every other browser.
          </p>
          <ChangePasswordForm />
        </Card>
      ) : null}
      <Card aria-labelledby="sessions-heading" className="space-y-3">
        <CardTitle>
          <span id="sessions-heading">Where you are signed in</span>
        </CardTitle>
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {account.sessions.map((s) => (
            <li key={s.id} className="flex justify-between gap-2 py-1.5">
              <span>
                Signed in {when(s.createdAt)} with{" "}
                {s.method === "sso" ? "single sign-on" : "a password"}
              </span>
              {s.current ? <span className="font-medium">this browser</span> : null}
            </li>
          ))}
        </ul>
        <EndSessionsButton available={account.sessions.length > 1} />
      </Card>
      <RatingConsentCard personId={actor.id} share={shareRatingComments} />
      <RecognitionVisibilityCard hidden={hidden} />
    </div>
  );
}
