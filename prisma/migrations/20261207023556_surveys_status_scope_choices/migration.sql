-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- AlterEnum
ALTER TYPE "SurveyQuestionKind" ADD VALUE 'CHOICE';

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "orgId" INTEGER,
ADD COLUMN     "status" "SurveyStatus" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "SurveyQuestion" ADD COLUMN     "options" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand (Prisma does not model CHECK constraints): whatever writes a mentorship (the
-- form, the import, a restore, the demo), no one mentors themselves and it cannot end before it
-- starts.
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_not_self" CHECK ("mentorId" <> "menteeId");
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_dates" CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn");
