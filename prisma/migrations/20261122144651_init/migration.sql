-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEAD', 'SECURITY_ENGINEER', 'GUARDIAN', 'MANAGER', 'BUILDER');

-- CreateEnum
CREATE TYPE "TeamProfile" AS ENUM ('QUICK_WINS', 'HIGH_IMPACT', 'HIGH_RISK', 'NONE');

-- CreateEnum
CREATE TYPE "GuardianStatus" AS ENUM ('NOMINATED', 'ACTIVE', 'ALUMNI', 'DECLINED');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('QUESTION', 'SPRINT_STORY', 'DEEP_DIVE', 'SUPPORT', 'REVIEW', 'THREAT_MODEL', 'TRAINING', 'OTHER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'MITIGATED', 'ACCEPTED', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('APPROVED', 'APPROVED_WITH_FINDINGS', 'CHANGES_REQUIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ThreatModelStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED');

-- CreateEnum
CREATE TYPE "StrideCategory" AS ENUM ('SPOOFING', 'TAMPERING', 'REPUDIATION', 'INFORMATION_DISCLOSURE', 'DENIAL_OF_SERVICE', 'ELEVATION_OF_PRIVILEGE');

-- CreateEnum
CREATE TYPE "MitigationStatus" AS ENUM ('NONE', 'PLANNED', 'IMPLEMENTED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "Belt" AS ENUM ('WHITE', 'YELLOW', 'GREEN', 'BLACK');

-- CreateEnum
CREATE TYPE "RecognitionKind" AS ENUM ('AWARD', 'KUDOS');

-- CreateEnum
CREATE TYPE "NewsletterStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('RATING', 'TEXT');

-- CreateEnum
CREATE TYPE "GoalMetric" AS ENUM ('NEW_GUARDIANS', 'ACTIVE_GUARDIANS', 'TEAM_COVERAGE_PCT', 'REVIEW_CYCLE_REDUCTION_PCT', 'HOURS_PER_GUARDIAN_MONTH', 'TRAINING_COMPLETION_PCT', 'GUARDIAN_THREAT_MODEL_SHARE_PCT', 'FINDINGS_PER_TEAM', 'AVERAGE_FEEDBACK');

-- CreateTable
CREATE TABLE "Program" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "vision" TEXT NOT NULL,
    "mission" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "metric" "GoalMetric" NOT NULL,
    "target" DECIMAL(12,2) NOT NULL,
    "period" TEXT NOT NULL DEFAULT 'QUARTER',
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Org" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" INTEGER,
    "leaderId" INTEGER,
    "newsletterRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgId" INTEGER NOT NULL,
    "profile" "TeamProfile" NOT NULL DEFAULT 'NONE',
    "pilot" BOOLEAN NOT NULL DEFAULT false,
    "joinedOn" DATE NOT NULL,
    "riskBudget" INTEGER NOT NULL DEFAULT 20,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "roles" "Role"[],
    "orgId" INTEGER,
    "teamId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardianMembership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "status" "GuardianStatus" NOT NULL DEFAULT 'NOMINATED',
    "reason" TEXT,
    "nominatedById" INTEGER,
    "approvedById" INTEGER,
    "nominatedOn" DATE NOT NULL,
    "activeOn" DATE,
    "leftOn" DATE,
    "declinedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardianMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardianStatusChange" (
    "id" SERIAL NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "fromStatus" "GuardianStatus",
    "toStatus" "GuardianStatus" NOT NULL,
    "changedById" INTEGER,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardianStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEntry" (
    "id" BIGSERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "quarterHours" INTEGER NOT NULL,
    "type" "ActivityType" NOT NULL,
    "reviewId" INTEGER,
    "threatModelId" INTEGER,
    "note" TEXT,
    "idempotencyKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEntryVersion" (
    "id" BIGSERIAL NOT NULL,
    "entryId" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "quarterHours" INTEGER NOT NULL,
    "type" "ActivityType" NOT NULL,
    "reviewId" INTEGER,
    "threatModelId" INTEGER,
    "note" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "changedById" INTEGER NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookItem" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RunbookItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "service" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "securityEngineerId" INTEGER,
    "effortQuarterHours" INTEGER,
    "outcome" "ReviewOutcome",
    "requestedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewParticipant" (
    "reviewId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "effortQuarterHours" INTEGER,

    CONSTRAINT "ReviewParticipant_pkey" PRIMARY KEY ("reviewId","userId")
);

-- CreateTable
CREATE TABLE "ReviewChecklistItem" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReviewChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "reviewId" INTEGER,
    "teamId" INTEGER NOT NULL,
    "title" TEXT,
    "severity" "Severity" NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'OPEN',
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "releasedOn" DATE,
    "reviewId" INTEGER,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatModel" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "system" TEXT NOT NULL,
    "status" "ThreatModelStatus" NOT NULL DEFAULT 'DRAFT',
    "createdOn" DATE NOT NULL,
    "approvedOn" DATE,

    CONSTRAINT "ThreatModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatModelAuthor" (
    "threatModelId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "ThreatModelAuthor_pkey" PRIMARY KEY ("threatModelId","userId")
);

-- CreateTable
CREATE TABLE "Threat" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "threatModelId" INTEGER NOT NULL,
    "title" TEXT,
    "category" "StrideCategory" NOT NULL,
    "severity" "Severity" NOT NULL,
    "mitigation" TEXT,
    "mitigationStatus" "MitigationStatus" NOT NULL DEFAULT 'NONE',

    CONSTRAINT "Threat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatModelComment" (
    "id" SERIAL NOT NULL,
    "threatModelId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatModelComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER,
    "threatModelId" INTEGER,
    "guardianId" INTEGER NOT NULL,
    "raterId" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" SERIAL NOT NULL,
    "responseId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "rating" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "onboarding" BOOLEAN NOT NULL DEFAULT false,
    "quarterHours" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT,
    "link" TEXT,
    "beltLevel" "Belt",
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseCompletion" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "completedOn" DATE NOT NULL,
    "evidenceUrl" TEXT,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BeltRule" (
    "belt" "Belt" NOT NULL,
    "conditions" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" INTEGER,

    CONSTRAINT "BeltRule_pkey" PRIMARY KEY ("belt")
);

-- CreateTable
CREATE TABLE "BeltAward" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "belt" "Belt" NOT NULL,
    "awardedOn" DATE NOT NULL,
    "evidence" JSONB NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" INTEGER,
    "revokeReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BeltAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" SERIAL NOT NULL,
    "mentorId" INTEGER NOT NULL,
    "menteeId" INTEGER NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recognition" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "giverId" INTEGER NOT NULL,
    "kind" "RecognitionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Newsletter" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "NewsletterStatus" NOT NULL DEFAULT 'DRAFT',
    "intro" TEXT,
    "highlights" TEXT,
    "content" JSONB,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" INTEGER,

    CONSTRAINT "Newsletter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterDelivery" (
    "id" SERIAL NOT NULL,
    "newsletterId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "orgId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Org_key_key" ON "Org"("key");

-- CreateIndex
CREATE INDEX "Org_parentId_idx" ON "Org"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_key_key" ON "Team"("key");

-- CreateIndex
CREATE INDEX "Team_orgId_idx" ON "Team"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "User_teamId_idx" ON "User"("teamId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "GuardianMembership_teamId_status_idx" ON "GuardianMembership"("teamId", "status");

-- CreateIndex
CREATE INDEX "GuardianMembership_userId_status_idx" ON "GuardianMembership"("userId", "status");

-- CreateIndex
CREATE INDEX "GuardianMembership_activeOn_idx" ON "GuardianMembership"("activeOn");

-- CreateIndex
CREATE INDEX "GuardianStatusChange_membershipId_idx" ON "GuardianStatusChange"("membershipId");

-- CreateIndex
CREATE INDEX "ActivityEntry_userId_date_idx" ON "ActivityEntry"("userId", "date");

-- CreateIndex
CREATE INDEX "ActivityEntry_date_idx" ON "ActivityEntry"("date");

-- CreateIndex
CREATE INDEX "ActivityEntry_reviewId_idx" ON "ActivityEntry"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEntry_userId_idempotencyKey_key" ON "ActivityEntry"("userId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEntryVersion_entryId_version_key" ON "ActivityEntryVersion"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookItem_label_key" ON "RunbookItem"("label");

-- CreateIndex
CREATE UNIQUE INDEX "Review_key_key" ON "Review"("key");

-- CreateIndex
CREATE INDEX "Review_teamId_completedAt_idx" ON "Review"("teamId", "completedAt");

-- CreateIndex
CREATE INDEX "Review_completedAt_idx" ON "Review"("completedAt");

-- CreateIndex
CREATE INDEX "Review_securityEngineerId_idx" ON "Review"("securityEngineerId");

-- CreateIndex
CREATE INDEX "ReviewParticipant_userId_idx" ON "ReviewParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewChecklistItem_reviewId_label_key" ON "ReviewChecklistItem"("reviewId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_key_key" ON "Finding"("key");

-- CreateIndex
CREATE INDEX "Finding_teamId_openedOn_idx" ON "Finding"("teamId", "openedOn");

-- CreateIndex
CREATE INDEX "Finding_openedOn_idx" ON "Finding"("openedOn");

-- CreateIndex
CREATE INDEX "Finding_status_closedOn_idx" ON "Finding"("status", "closedOn");

-- CreateIndex
CREATE INDEX "Finding_reviewId_idx" ON "Finding"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Release_key_key" ON "Release"("key");

-- CreateIndex
CREATE INDEX "Release_releasedOn_idx" ON "Release"("releasedOn");

-- CreateIndex
CREATE INDEX "Release_teamId_idx" ON "Release"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ThreatModel_key_key" ON "ThreatModel"("key");

-- CreateIndex
CREATE INDEX "ThreatModel_approvedOn_idx" ON "ThreatModel"("approvedOn");

-- CreateIndex
CREATE INDEX "ThreatModel_teamId_idx" ON "ThreatModel"("teamId");

-- CreateIndex
CREATE INDEX "ThreatModelAuthor_userId_idx" ON "ThreatModelAuthor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Threat_key_key" ON "Threat"("key");

-- CreateIndex
CREATE INDEX "Threat_threatModelId_idx" ON "Threat"("threatModelId");

-- CreateIndex
CREATE INDEX "Threat_mitigationStatus_idx" ON "Threat"("mitigationStatus");

-- CreateIndex
CREATE INDEX "ThreatModelComment_threatModelId_idx" ON "ThreatModelComment"("threatModelId");

-- CreateIndex
CREATE INDEX "Feedback_guardianId_idx" ON "Feedback"("guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_reviewId_guardianId_key" ON "Feedback"("reviewId", "guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_threatModelId_guardianId_key" ON "Feedback"("threatModelId", "guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_userId_key" ON "SurveyResponse"("surveyId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_responseId_questionId_key" ON "SurveyAnswer"("responseId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Course_key_key" ON "Course"("key");

-- CreateIndex
CREATE INDEX "CourseCompletion_courseId_idx" ON "CourseCompletion"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_userId_courseId_key" ON "CourseCompletion"("userId", "courseId");

-- CreateIndex
CREATE INDEX "BeltAward_userId_idx" ON "BeltAward"("userId");

-- CreateIndex
CREATE INDEX "BeltAward_belt_awardedOn_idx" ON "BeltAward"("belt", "awardedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Mentorship_mentorId_menteeId_key" ON "Mentorship"("mentorId", "menteeId");

-- CreateIndex
CREATE INDEX "Recognition_recipientId_idx" ON "Recognition"("recipientId");

-- CreateIndex
CREATE INDEX "Recognition_createdAt_idx" ON "Recognition"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Newsletter_orgId_quarter_key" ON "Newsletter"("orgId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterDelivery_newsletterId_email_key" ON "NewsletterDelivery"("newsletterId", "email");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Org" ADD CONSTRAINT "Org_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Org"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Org" ADD CONSTRAINT "Org_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianStatusChange" ADD CONSTRAINT "GuardianStatusChange_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "GuardianMembership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianStatusChange" ADD CONSTRAINT "GuardianStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEntry" ADD CONSTRAINT "ActivityEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEntry" ADD CONSTRAINT "ActivityEntry_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEntry" ADD CONSTRAINT "ActivityEntry_threatModelId_fkey" FOREIGN KEY ("threatModelId") REFERENCES "ThreatModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEntryVersion" ADD CONSTRAINT "ActivityEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ActivityEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEntryVersion" ADD CONSTRAINT "ActivityEntryVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_securityEngineerId_fkey" FOREIGN KEY ("securityEngineerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewParticipant" ADD CONSTRAINT "ReviewParticipant_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewParticipant" ADD CONSTRAINT "ReviewParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewChecklistItem" ADD CONSTRAINT "ReviewChecklistItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModel" ADD CONSTRAINT "ThreatModel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModelAuthor" ADD CONSTRAINT "ThreatModelAuthor_threatModelId_fkey" FOREIGN KEY ("threatModelId") REFERENCES "ThreatModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModelAuthor" ADD CONSTRAINT "ThreatModelAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Threat" ADD CONSTRAINT "Threat_threatModelId_fkey" FOREIGN KEY ("threatModelId") REFERENCES "ThreatModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModelComment" ADD CONSTRAINT "ThreatModelComment_threatModelId_fkey" FOREIGN KEY ("threatModelId") REFERENCES "ThreatModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModelComment" ADD CONSTRAINT "ThreatModelComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_threatModelId_fkey" FOREIGN KEY ("threatModelId") REFERENCES "ThreatModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BeltRule" ADD CONSTRAINT "BeltRule_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BeltAward" ADD CONSTRAINT "BeltAward_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BeltAward" ADD CONSTRAINT "BeltAward_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterDelivery" ADD CONSTRAINT "NewsletterDelivery_newsletterId_fkey" FOREIGN KEY ("newsletterId") REFERENCES "Newsletter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Checks PostgreSQL can hold (not expressible in schema.prisma).
ALTER TABLE "ActivityEntry" ADD CONSTRAINT "ActivityEntry_quarterHours_range" CHECK ("quarterHours" > 0 AND "quarterHours" <= 96);
ALTER TABLE "ActivityEntryVersion" ADD CONSTRAINT "ActivityEntryVersion_quarterHours_range" CHECK ("quarterHours" > 0 AND "quarterHours" <= 96);
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_one_subject" CHECK (("reviewId" IS NULL) <> ("threatModelId" IS NULL));
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "Review" ADD CONSTRAINT "Review_completed_after_requested" CHECK ("completedAt" IS NULL OR "completedAt" >= "requestedAt");
ALTER TABLE "Review" ADD CONSTRAINT "Review_effort_nonnegative" CHECK ("effortQuarterHours" IS NULL OR "effortQuarterHours" >= 0);
ALTER TABLE "ReviewParticipant" ADD CONSTRAINT "ReviewParticipant_effort_nonnegative" CHECK ("effortQuarterHours" IS NULL OR "effortQuarterHours" >= 0);
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_closed_after_opened" CHECK ("closedOn" IS NULL OR "closedOn" >= "openedOn");
ALTER TABLE "Release" ADD CONSTRAINT "Release_released_after_started" CHECK ("releasedOn" IS NULL OR "releasedOn" >= "startedOn");
ALTER TABLE "ThreatModel" ADD CONSTRAINT "ThreatModel_approved_has_date" CHECK ("status" <> 'APPROVED' OR "approvedOn" IS NOT NULL);
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_active_has_date" CHECK ("status" NOT IN ('ACTIVE', 'ALUMNI') OR "activeOn" IS NOT NULL);
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_left_after_active" CHECK ("leftOn" IS NULL OR "activeOn" IS NULL OR "leftOn" >= "activeOn");
ALTER TABLE "Team" ADD CONSTRAINT "Team_riskBudget_nonnegative" CHECK ("riskBudget" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_quarterHours_nonnegative" CHECK ("quarterHours" >= 0);
ALTER TABLE "Org" ADD CONSTRAINT "Org_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Program" ADD CONSTRAINT "Program_single_row" CHECK ("id" = 1);

-- A person holds a belt at most once at a time; revoked awards stay as history.
CREATE UNIQUE INDEX "BeltAward_one_live_per_belt" ON "BeltAward" ("userId", "belt") WHERE "revokedAt" IS NULL;
-- At most one open nomination or active membership per person and team.
CREATE UNIQUE INDEX "GuardianMembership_one_current" ON "GuardianMembership" ("userId", "teamId") WHERE "status" IN ('NOMINATED', 'ACTIVE');

-- The audit log is append-only.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
