-- CreateEnum
CREATE TYPE "SpotCheckOutcome" AS ENUM ('PASSED', 'FAILED');

-- CreateTable
CREATE TABLE "FastTrackPolicy" (
    "id" SERIAL NOT NULL,
    "teamProfile" "TeamProfile",
    "teamId" INTEGER,
    "minBelt" "Belt" NOT NULL,
    "spotCheckPercent" INTEGER NOT NULL,
    "checklist" TEXT[],
    "seed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FastTrackPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FastTrack" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "guardianId" INTEGER NOT NULL,
    "policyId" INTEGER NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "answers" JSONB NOT NULL,
    "seed" TEXT NOT NULL,
    "spotCheckPercent" INTEGER NOT NULL,
    "sampled" BOOLEAN NOT NULL,
    "spotCheckOutcome" "SpotCheckOutcome",
    "spotCheckedAt" TIMESTAMPTZ(3),
    "spotCheckedById" INTEGER,
    "spotCheckNote" TEXT,

    CONSTRAINT "FastTrack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FastTrackSuspension" (
    "id" SERIAL NOT NULL,
    "guardianId" INTEGER NOT NULL,
    "fastTrackId" INTEGER,
    "reason" TEXT NOT NULL,
    "suspendedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suspendedById" INTEGER NOT NULL,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" INTEGER,

    CONSTRAINT "FastTrackSuspension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FastTrackPolicy_teamProfile_key" ON "FastTrackPolicy"("teamProfile");

-- CreateIndex
CREATE UNIQUE INDEX "FastTrackPolicy_teamId_key" ON "FastTrackPolicy"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "FastTrack_reviewId_key" ON "FastTrack"("reviewId");

-- CreateIndex
CREATE INDEX "FastTrack_approvedAt_idx" ON "FastTrack"("approvedAt");

-- CreateIndex
CREATE INDEX "FastTrack_spotCheckedAt_idx" ON "FastTrack"("spotCheckedAt");

-- CreateIndex
CREATE INDEX "FastTrack_guardianId_idx" ON "FastTrack"("guardianId");

-- CreateIndex
CREATE INDEX "FastTrackSuspension_guardianId_liftedAt_idx" ON "FastTrackSuspension"("guardianId", "liftedAt");

-- AddForeignKey
ALTER TABLE "FastTrackPolicy" ADD CONSTRAINT "FastTrackPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrack" ADD CONSTRAINT "FastTrack_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrack" ADD CONSTRAINT "FastTrack_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrack" ADD CONSTRAINT "FastTrack_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "FastTrackPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrack" ADD CONSTRAINT "FastTrack_spotCheckedById_fkey" FOREIGN KEY ("spotCheckedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrackSuspension" ADD CONSTRAINT "FastTrackSuspension_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The dashboards' fast-tracked group reads "FastTrack": its writes bump the metrics version
-- (prisma/migrations/20261206213957_metrics_versions).
CREATE TRIGGER metrics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FastTrack"
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump();

-- A policy names a team profile or a team, never both nor neither.
ALTER TABLE "FastTrackPolicy" ADD CONSTRAINT "FastTrackPolicy_one_target"
  CHECK (("teamProfile" IS NULL) <> ("teamId" IS NULL));
