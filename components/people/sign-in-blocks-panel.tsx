import { ClearSignInFailuresButton } from "@/components/people/clear-sign-in-failures-button";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { signInBlocks } from "@/lib/server/account/sign-in-blocks";

const time = (d: Date) =>
  d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Administrators see a person's failed sign-ins of the last hour and can clear them. */
export async function SignInBlocksPanel({
  actor,
  person,
}: {
  actor: SessionActor;
  person: { id: number; name: string };
}) {
  const blocks = await signInBlocks(actor, person.id);
  if (!blocks) return null;
  return (
    <Card aria-labelledby="sign-in-blocks-heading" className="space-y-2">
      <CardTitle>
        <span id="sign-in-blocks-heading">Failed sign-ins</span>
      </CardTitle>
      <p className="text-sm">
        {blocks.failures === 0
          ? "No failed sign-in in the last hour."
          : `${blocks.failures === 1 ? "1 failed sign-in" : `${blocks.failures} failed sign-ins`} in the last hour.`}
      </p>
      {blocks.waiting.length > 0 ? (
        <ul className="list-disc pl-5 text-sm">
          {blocks.waiting.map((w) => (
            <li key={w.ip ?? "unknown"}>
              {w.ip ?? "An unknown address"} waits until {time(w.until)} ({w.failures} failures in a
              row)
            </li>
          ))}
        </ul>
      ) : null}
      {blocks.newAddressesUntil ? (
        <p className="text-sm">
          Addresses {person.name} has not signed in from are held back until{" "}
          {time(blocks.newAddressesUntil)} (many failures from many addresses).
        </p>
      ) : null}
      {/* Always there: its answer stays on screen after the failures are cleared. */}
      <ClearSignInFailuresButton person={person} />
    </Card>
  );
}
