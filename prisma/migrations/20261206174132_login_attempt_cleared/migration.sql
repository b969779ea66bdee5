-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "clearedAt" TIMESTAMPTZ(3);

