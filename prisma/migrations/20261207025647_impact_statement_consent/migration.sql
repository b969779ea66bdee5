-- AlterTable
ALTER TABLE "User" ADD COLUMN     "shareRatingComments" BOOLEAN NOT NULL DEFAULT false;

