-- CreateTable
CREATE TABLE "TimeAgreement" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "sharePercent" INTEGER,
    "monthlyQuarterHours" INTEGER NOT NULL,
    "note" TEXT,
    "recordedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TimeAgreement_userId_effectiveFrom_idx" ON "TimeAgreement"("userId", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "TimeAgreement" ADD CONSTRAINT "TimeAgreement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeAgreement" ADD CONSTRAINT "TimeAgreement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The agreement's rules on every path (docs/decisions/0018): 0–160 h a month (0–640
-- quarter-hours), a share of 1–100 %, and a month's first day.
ALTER TABLE "TimeAgreement" ADD CONSTRAINT "TimeAgreement_hours_range" CHECK ("monthlyQuarterHours" BETWEEN 0 AND 640);
ALTER TABLE "TimeAgreement" ADD CONSTRAINT "TimeAgreement_share_range" CHECK ("sharePercent" IS NULL OR "sharePercent" BETWEEN 1 AND 100);
ALTER TABLE "TimeAgreement" ADD CONSTRAINT "TimeAgreement_month_start" CHECK (extract(day FROM "effectiveFrom") = 1);
