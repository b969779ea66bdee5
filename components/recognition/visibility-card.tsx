import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { recognitionVisibilityAction } from "@/lib/server/recognition/actions";

/** The account page's card: whether the person is on the recognition wall and leaderboards. */
export function RecognitionVisibilityCard({ hidden }: { hidden: boolean }) {
  return (
    <Card aria-labelledby="recognition-heading" className="space-y-3">
      <CardTitle>
        <span id="recognition-heading">Recognition</span>
      </CardTitle>
      <p className="text-sm">
        {hidden
          ? "You are hidden: the recognition wall, its cards and the newsletters' awards leave you out, and no channel announces your belts."
          : "Your belts and awards appear on the recognition wall and in the newsletters' awards."}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The{" "}
        <Link href="/recognition/leaderboards" className="underline">
          leaderboards
        </Link>{" "}
        rank teams and organisations, never people: hidden or not, your work still counts in your
        team&apos;s figures. Only you see your own standing.
      </p>
      <ActionForm
        action={recognitionVisibilityAction}
        label="Recognition wall and leaderboards"
        hidden={{ hide: hidden ? "no" : "yes" }}
        submit={hidden ? "Show me on the recognition wall" : "Hide me from the recognition wall"}
        variant="secondary"
      />
    </Card>
  );
}
