-- AlterTable
ALTER TABLE "Execution" ADD COLUMN "mocks" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExecutionFrame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "executionId" TEXT NOT NULL,
    "parentFrameId" TEXT,
    "parentState" TEXT,
    "index" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "stateName" TEXT,
    "stateInput" TEXT,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "enteredEventId" INTEGER,
    "definitionPath" TEXT NOT NULL DEFAULT '[]',
    "mapItem" TEXT,
    "continuation" TEXT,
    "event" TEXT,
    "lastEventId" INTEGER NOT NULL DEFAULT 0,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "result" TEXT,
    "error" TEXT,
    "cause" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExecutionFrame_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExecutionFrame" ("cause", "createdAt", "enteredEventId", "error", "executionId", "id", "index", "parentFrameId", "parentState", "result", "retryCount", "stateInput", "stateName", "status", "updatedAt", "variables") SELECT "cause", "createdAt", "enteredEventId", "error", "executionId", "id", "index", "parentFrameId", "parentState", "result", "retryCount", "stateInput", "stateName", "status", "updatedAt", "variables" FROM "ExecutionFrame";
DROP TABLE "ExecutionFrame";
ALTER TABLE "new_ExecutionFrame" RENAME TO "ExecutionFrame";
CREATE INDEX "ExecutionFrame_executionId_status_idx" ON "ExecutionFrame"("executionId", "status");
CREATE INDEX "ExecutionFrame_parentFrameId_index_idx" ON "ExecutionFrame"("parentFrameId", "index");
CREATE TABLE "new_TaskToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "frameId" TEXT NOT NULL,
    "stateName" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'callback',
    "activityName" TEXT,
    "input" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "dispatchedAt" DATETIME,
    "workerName" TEXT,
    "heartbeatAt" DATETIME,
    "heartbeatSeconds" INTEGER,
    "timeoutAt" DATETIME,
    "completedAt" DATETIME,
    "output" TEXT,
    "error" TEXT,
    "cause" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TaskToken_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TaskToken" ("activityName", "cause", "completedAt", "createdAt", "dispatchedAt", "error", "executionId", "frameId", "heartbeatAt", "id", "input", "output", "resource", "stateName", "status", "timeoutAt", "tokenHash", "workerName") SELECT "activityName", "cause", "completedAt", "createdAt", "dispatchedAt", "error", "executionId", "frameId", "heartbeatAt", "id", "input", "output", "resource", "stateName", "status", "timeoutAt", "tokenHash", "workerName" FROM "TaskToken";
DROP TABLE "TaskToken";
ALTER TABLE "new_TaskToken" RENAME TO "TaskToken";
CREATE UNIQUE INDEX "TaskToken_tokenHash_key" ON "TaskToken"("tokenHash");
CREATE INDEX "TaskToken_activityName_status_createdAt_idx" ON "TaskToken"("activityName", "status", "createdAt");
CREATE INDEX "TaskToken_kind_status_dispatchedAt_idx" ON "TaskToken"("kind", "status", "dispatchedAt");
CREATE INDEX "TaskToken_executionId_status_idx" ON "TaskToken"("executionId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
