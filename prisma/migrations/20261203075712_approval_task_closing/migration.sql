-- AlterTable
ALTER TABLE "ApprovalTask" ADD COLUMN "closedReason" TEXT;
ALTER TABLE "ApprovalTask" ADD COLUMN "supersededById" TEXT;
