// Applies program.json's fast-track sections (docs/fast-track.md): policies, fast-tracked
// reviews with their spot checks, suspensions. Upserts by natural key, so a second restore
// changes nothing. No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { each, idOf, unnest } from "./sql";

/** The policy a (profile, team key) pair names. */
const policyId = (profile: string, team: string) =>
  `(SELECT id FROM "FastTrackPolicy" WHERE ("teamProfile"::text = ${profile}) OR ("teamId" = ${idOf.team(team)}))`;

export async function writeFastTrackPolicies(
  c: pg.ClientBase,
  changes: Change<"fastTrackPolicies">[],
) {
  const cols = ["profile", "team", "belt", "share", "checklist", "seed", "enabled", "updated"];
  const values = `u.belt::"Belt", u.share::int, ARRAY(SELECT json_array_elements_text(u.checklist::json)), u.seed, u.enabled::boolean, u.updated::timestamptz`;
  const set = `"minBelt" = EXCLUDED."minBelt", "spotCheckPercent" = EXCLUDED."spotCheckPercent", checklist = EXCLUDED.checklist, seed = EXCLUDED.seed, enabled = EXCLUDED.enabled, "updatedAt" = EXCLUDED."updatedAt"`;
  const get = [
    (x: Change<"fastTrackPolicies">) => x.row.teamProfile,
    (x: Change<"fastTrackPolicies">) => x.row.team,
    (x: Change<"fastTrackPolicies">) => x.row.minBelt,
    (x: Change<"fastTrackPolicies">) => x.row.spotCheckPercent,
    (x: Change<"fastTrackPolicies">) => x.row.checklist,
    (x: Change<"fastTrackPolicies">) => x.row.seed,
    (x: Change<"fastTrackPolicies">) => x.row.enabled,
    (x: Change<"fastTrackPolicies">) => x.row.updatedAt,
  ];
  await each(
    c,
    `INSERT INTO "FastTrackPolicy" ("teamProfile", "minBelt", "spotCheckPercent", checklist, seed, enabled, "updatedAt")
    SELECT u.profile::"TeamProfile", ${values} FROM ${unnest(cols)}
    ON CONFLICT ("teamProfile") DO UPDATE SET ${set}`,
    changes.filter((x) => x.row.teamProfile !== null),
    get,
  );
  await each(
    c,
    `INSERT INTO "FastTrackPolicy" ("teamId", "minBelt", "spotCheckPercent", checklist, seed, enabled, "updatedAt")
    SELECT ${idOf.team("u.team")}, ${values} FROM ${unnest(cols)}
    ON CONFLICT ("teamId") DO UPDATE SET ${set}`,
    changes.filter((x) => x.row.team !== null),
    get,
  );
}

export async function writeFastTracks(c: pg.ClientBase, changes: Change<"fastTracks">[]) {
  await each(
    c,
    `INSERT INTO "FastTrack" ("reviewId", "guardianId", "policyId", "approvedAt", answers, seed, "spotCheckPercent",
      sampled, "spotCheckOutcome", "spotCheckedAt", "spotCheckedById", "spotCheckNote")
    SELECT ${idOf.review("u.review")}, ${idOf.user("u.guardian")}, ${policyId("u.profile", "u.team")}, u.approved::timestamptz,
      u.answers::jsonb, u.seed, u.share::int, u.sampled::boolean, u.outcome::"SpotCheckOutcome", u.checked::timestamptz,
      ${idOf.user("u.checker")}, u.note
    FROM ${unnest(["review", "guardian", "profile", "team", "approved", "answers", "seed", "share", "sampled", "outcome", "checked", "checker", "note"])}
    ON CONFLICT ("reviewId") DO UPDATE SET "guardianId" = EXCLUDED."guardianId", "policyId" = EXCLUDED."policyId",
      "approvedAt" = EXCLUDED."approvedAt", answers = EXCLUDED.answers, seed = EXCLUDED.seed,
      "spotCheckPercent" = EXCLUDED."spotCheckPercent", sampled = EXCLUDED.sampled,
      "spotCheckOutcome" = EXCLUDED."spotCheckOutcome", "spotCheckedAt" = EXCLUDED."spotCheckedAt",
      "spotCheckedById" = EXCLUDED."spotCheckedById", "spotCheckNote" = EXCLUDED."spotCheckNote"`,
    changes,
    [
      (x) => x.row.review,
      (x) => x.row.guardian,
      (x) => x.row.policyProfile,
      (x) => x.row.policyTeam,
      (x) => x.row.approvedAt,
      (x) => x.row.answers,
      (x) => x.row.seed,
      (x) => x.row.spotCheckPercent,
      (x) => x.row.sampled,
      (x) => x.row.spotCheckOutcome,
      (x) => x.row.spotCheckedAt,
      (x) => x.row.spotCheckedBy,
      (x) => x.row.spotCheckNote,
    ],
  );
}

export async function writeFastTrackSuspensions(
  c: pg.ClientBase,
  changes: Change<"fastTrackSuspensions">[],
) {
  // Keyed by guardian and start: a changed record (lifted since) is replaced.
  await each(
    c,
    `DELETE FROM "FastTrackSuspension" s USING ${unnest(["guardian", "since"])}
    WHERE s."guardianId" = ${idOf.user("u.guardian")} AND s."suspendedAt" = u.since::timestamptz`,
    changes,
    [(x) => x.row.guardian, (x) => x.row.suspendedAt],
  );
  await each(
    c,
    `INSERT INTO "FastTrackSuspension" ("guardianId", "suspendedAt", "suspendedById", reason, "fastTrackId", "liftedAt", "liftedById")
    SELECT ${idOf.user("u.guardian")}, u.since::timestamptz, ${idOf.user("u.by")}, u.reason,
      (SELECT id FROM "FastTrack" WHERE "reviewId" = ${idOf.review("u.review")}), u.lifted::timestamptz, ${idOf.user("u.lifter")}
    FROM ${unnest(["guardian", "since", "by", "reason", "review", "lifted", "lifter"])}`,
    changes,
    [
      (x) => x.row.guardian,
      (x) => x.row.suspendedAt,
      (x) => x.row.suspendedBy,
      (x) => x.row.reason,
      (x) => x.row.review,
      (x) => x.row.liftedAt,
      (x) => x.row.liftedBy,
    ],
  );
}
