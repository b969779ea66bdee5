import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { quarterOf } from "@/lib/period";
import { standingSentence } from "@/lib/recognition/standing";
import { ownStanding } from "@/lib/server/recognition/standing";

/**
 * The signed-in guardian's own standing this quarter, on their own home and profile only: a band among
 * the program's guardians, never a position, and nothing about anyone else.
 */
export async function OwnStanding({ actor }: { actor: SessionActor }) {
  const standing = await ownStanding(actor, quarterOf(new Date()));
  if (!standing) return null;
  const n = standing.reviewsWithGuardian;
  return (
    <Card aria-labelledby="standing-heading" className="space-y-2">
      <CardTitle>
        <span id="standing-heading">Your standing this quarter</span>
      </CardTitle>
      <p className="text-sm font-medium">
        {standingSentence(standing.band, "reviews with a guardian", "this quarter")}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You took part in {n} review{n === 1 ? "" : "s"} as a guardian of the reviewed team. Only you
        see this: people are never ranked, the{" "}
        <Link href="/recognition/leaderboards" className="underline">
          leaderboards
        </Link>{" "}
        rank teams and organisations.
      </p>
    </Card>
  );
}
