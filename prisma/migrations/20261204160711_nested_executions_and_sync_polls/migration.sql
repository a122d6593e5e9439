-- AlterTable
ALTER TABLE "Execution" ADD COLUMN "parentExecutionId" TEXT;
ALTER TABLE "Execution" ADD COLUMN "parentTaskTokenId" TEXT;

-- AlterTable
ALTER TABLE "TaskToken" ADD COLUMN "pollState" TEXT;

-- CreateIndex
CREATE INDEX "Execution_parentTaskTokenId_idx" ON "Execution"("parentTaskTokenId");
