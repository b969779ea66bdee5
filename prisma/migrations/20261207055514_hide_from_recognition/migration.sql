-- AlterTable
ALTER TABLE "User" ADD COLUMN     "hideFromRecognition" BOOLEAN NOT NULL DEFAULT false;
