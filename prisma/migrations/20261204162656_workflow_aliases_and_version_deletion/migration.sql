-- AlterTable
ALTER TABLE "Execution" ADD COLUMN "aliasName" TEXT;

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "WorkflowAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "routing" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkflowAlias_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowAlias_workflowId_name_key" ON "WorkflowAlias"("workflowId", "name");
