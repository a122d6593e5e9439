-- AlterTable
ALTER TABLE "Execution" ADD COLUMN "definitionPath" TEXT;
ALTER TABLE "Execution" ADD COLUMN "mapIndex" INTEGER;
ALTER TABLE "Execution" ADD COLUMN "mapRunId" TEXT;

-- CreateTable
CREATE TABLE "MapRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "executionId" TEXT NOT NULL,
    "frameId" TEXT NOT NULL,
    "stateName" TEXT NOT NULL,
    "label" TEXT,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "maxConcurrency" INTEGER NOT NULL DEFAULT 0,
    "toleratedFailureCount" INTEGER,
    "toleratedFailurePercentage" REAL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "aborted" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    CONSTRAINT "MapRun_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MapRun_executionId_idx" ON "MapRun"("executionId");

-- CreateIndex
CREATE INDEX "MapRun_frameId_status_idx" ON "MapRun"("frameId", "status");

-- CreateIndex
CREATE INDEX "Execution_mapRunId_mapIndex_idx" ON "Execution"("mapRunId", "mapIndex");
