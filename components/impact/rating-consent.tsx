import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { ratingCommentConsentAction } from "@/lib/server/impact/actions";

/** The account page's card: the person's statement, and whether its readers see rating comments. */
export function RatingConsentCard({ personId, share }: { personId: number; share: boolean }) {
  return (
    <Card aria-labelledby="impact-heading" className="space-y-3">
      <CardTitle>
        <span id="impact-heading">Your impact statement</span>
      </CardTitle>
      <p className="text-sm">
        A one-page record of your security work for career reviews:{" "}
        <Link href={`/people/${personId}/impact`} className="underline">
          open your impact statement
        </Link>
        . Your manager and the program&apos;s leads can open it too.
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {share
          ? "Its readers see the comments security engineers wrote with your ratings."
          : "Its readers see your ratings and their average, not the comments written with them. You always see them."}
      </p>
      <ActionForm
        action={ratingCommentConsentAction}
        label="Rating comments in your impact statement"
        hidden={{ share: share ? "no" : "yes" }}
        submit={share ? "Stop sharing the comments" : "Share the comments"}
        variant="secondary"
      />
    </Card>
  );
}
