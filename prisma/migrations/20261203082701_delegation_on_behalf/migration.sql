-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "onBehalfOf" TEXT;

-- AlterTable
ALTER TABLE "Delegation" ADD COLUMN "createdById" TEXT;
