import { ConditionProgress } from "@/components/home/next-belt";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { beltOutlook } from "@/lib/server/belts/progress";
import { BELT } from "@/lib/vocabulary";
import { CheckOwnBelts } from "./check-own-belts";

type Renewals = Awaited<ReturnType<typeof beltOutlook>>["renewals"];

/**
 * Belts due for renewal (expiring within a month, or expired), each with what renews it. `self`
 * words it for the person and offers them the check; others only read it.
 */
export function BeltRenewals({ renewals, self }: { renewals: Renewals; self: boolean }) {
  if (renewals.length === 0) return null;
  return (
    <Card>
      <CardTitle>Belt renewal</CardTitle>
      {renewals.map((r) => {
        const when = r.expiresOn ? formatDate(r.expiresOn) : "";
        const missing = r.result.conditions.filter((c) => !c.met).length;
        return (
          <section key={r.belt} className="mt-3" aria-label={`${BELT.label(r.belt)} belt renewal`}>
            <p className="text-sm">
              <strong>{BELT.label(r.belt)} belt</strong>{" "}
              {r.lapsed ? `expired on ${when}` : `expires on ${when}`}.{" "}
              {missing === 0
                ? self
                  ? "You meet every renewal condition."
                  : "Meets every renewal condition."
                : `${missing} renewal condition${missing === 1 ? "" : "s"} to go.`}
            </p>
            <ConditionProgress conditions={r.result.conditions} />
          </section>
        );
      })}
      {self ? <CheckOwnBelts /> : null}
    </Card>
  );
}
