import Link from "next/link";
import { AwardEvidence } from "@/components/belts/award-evidence";
import { RevokeBelt } from "@/components/belts/revoke-belt";
import { RuleEditor } from "@/components/belts/rule-editor";
import { Card, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { BELT } from "@/lib/vocabulary";
import { loadRules, loadValidities } from "@/lib/server/belts/facts";
import { periodStatus } from "@/lib/belts/validity";
import { todayUtc } from "@/lib/period";
import { beltCounts, recentAwards } from "@/lib/server/belts/queries";
import { possessive } from "@/lib/possessive";

/** Each belt's rule editor with how many hold it, then the latest awards (each revocable). */
export async function BeltBoard() {
  const today = todayUtc();
  const [rules, validities, courses, awards, counts] = await Promise.all([
    loadRules(),
    loadValidities(),
    db.course.findMany({
      where: { active: true },
      select: { key: true, title: true },
      orderBy: { title: "asc" },
    }),
    recentAwards(),
    beltCounts(),
  ]);
  return (
    <>
      <div className="grid gap-4 xl:grid-cols-2">
        {BELT.values.map((belt) => (
          <Card key={belt}>
            <CardTitle>
              {BELT.label(belt)} belt{" "}
              <span className="font-normal text-slate-600 dark:text-slate-400">
                · held by {counts[belt] ?? 0}
              </span>
            </CardTitle>
            <div className="mt-3">
              <RuleEditor
                belt={belt}
                initial={rules[belt]}
                validity={validities[belt]}
                courses={courses}
              />
            </div>
          </Card>
        ))}
      </div>
      <Card className="mt-4">
        <CardTitle>Latest awards</CardTitle>
        <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {awards.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-1.5">
              <span>
                <Link
                  href={`/people/${a.user.id}`}
                  className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                >
                  {a.user.name}
                </Link>
                : <strong>{BELT.label(a.belt)}</strong> {a.renewal ? "renewed" : "earned"} on{" "}
                {formatDate(a.awardedOn)}
                {a.expiresOn && !a.revokedAt ? (
                  <span className="ml-2 text-slate-600 dark:text-slate-400">
                    {periodStatus(a, today) === "expired" ? "expired" : "expires"} on{" "}
                    {formatDate(a.expiresOn)}
                  </span>
                ) : null}
                {a.revokedAt ? (
                  <span className="ml-2 text-red-700 dark:text-red-400">
                    revoked: {a.revokeReason}
                  </span>
                ) : null}
                <AwardEvidence evidence={a.evidence} belt={BELT.label(a.belt)} />
              </span>
              {a.revokedAt ? null : (
                <RevokeBelt
                  awardId={a.id}
                  label={`${possessive(a.user.name)} ${BELT.label(a.belt)} belt`}
                />
              )}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
