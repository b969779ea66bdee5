import { ActionForm } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { expiryText } from "@/lib/identity/emails";
import { SIGN_IN_METHOD_LABELS } from "@/lib/identity/sign-in-method";
import { invitePersonAction } from "@/lib/server/identity/link-actions";
import { personSignIn } from "@/lib/server/identity/sign-in-methods";

const muted = "text-slate-600 dark:text-slate-400";
const hostOf = (issuer: string) => {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
};

/** How a person signs in, and the invitation button, for those who manage their organisation. */
export async function SignInPanel({ actor, personId }: { actor: SessionActor; personId: number }) {
  const p = await personSignIn(actor, personId);
  if (!p) return null;
  const invitation = p.invitation;
  const recent = invitation?.recent;
  const summary = p.deactivated
    ? "Deactivated: cannot sign in."
    : p.methods[0] === "none"
      ? "Cannot sign in yet."
      : p.methods[0] === "invited"
        ? "Invited: can sign in once they choose a password with the emailed link."
        : `Signs in with: ${p.methods.map((m) => SIGN_IN_METHOD_LABELS[m]).join(", ")}.`;
  return (
    <Card aria-labelledby="sign-in-panel-title">
      <CardTitle>
        <span id="sign-in-panel-title">Sign-in</span>
      </CardTitle>
      <p className="mt-2 text-sm font-medium">{summary}</p>
      <ul className="mt-2 space-y-1 text-sm">
        {p.sso.map((s) => (
          <li key={s.id}>
            Single sign-on as {s.email} <span className={muted}>({hostOf(s.issuer)})</span>, last
            sign-in {expiryText(s.lastSignInAt)}
          </li>
        ))}
        <li>
          {p.hasPassword
            ? p.passwordChangedAt
              ? `Password set on ${expiryText(p.passwordChangedAt)}`
              : "Password set (date not recorded)"
            : "No password"}
        </li>
        {invitation ? (
          <li>
            Invitation sent {expiryText(invitation.createdAt)}
            {invitation.createdBy ? ` by ${invitation.createdBy.name}` : ""}
            {invitation.usedAt
              ? `; used ${expiryText(invitation.usedAt)}`
              : invitation.open
                ? `; the link works until ${expiryText(invitation.expiresAt)}`
                : "; the link no longer works"}
          </li>
        ) : null}
      </ul>
      {p.inviteNote ? <p className={`mt-2 text-sm ${muted}`}>{p.inviteNote}</p> : null}
      {p.mayInvite ? (
        <ActionForm
          action={invitePersonAction}
          label="Invite to sign in"
          submit={invitation?.open ? "Send again" : "Send invitation"}
          pendingLabel="Sending…"
          variant={invitation?.open ? "secondary" : "primary"}
          hidden={{ id: String(p.id), again: recent ? "yes" : "" }}
          className="mt-3"
          confirm={
            invitation?.open
              ? {
                  title: `Send ${p.name} another invitation?`,
                  body: `${recent ? "The last one went out less than 24 hours ago. " : ""}The link already sent stops working; the new one works for 72 hours.`,
                  confirmLabel: "Send again",
                }
              : undefined
          }
        >
          <p className={`basis-full text-sm ${muted}`}>
            An email with a link to choose a password; it works once, for 72 hours.
          </p>
        </ActionForm>
      ) : null}
    </Card>
  );
}
