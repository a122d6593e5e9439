-- DropIndex
DROP INDEX "ApprovalAssignee_userId_status_idx";

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApprovalTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "executionId" TEXT NOT NULL,
    "taskTokenId" TEXT NOT NULL,
    "stateName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT 'null',
    "policyMode" TEXT NOT NULL DEFAULT 'any',
    "policyCount" INTEGER NOT NULL DEFAULT 1,
    "allowSelfApproval" BOOLEAN NOT NULL DEFAULT false,
    "form" TEXT NOT NULL DEFAULT '[]',
    "onReject" TEXT NOT NULL DEFAULT 'fail',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requesterUserId" TEXT,
    "requesterApiKeyId" TEXT,
    "requesterLabel" TEXT,
    "dueAt" DATETIME,
    "reminderEverySec" INTEGER,
    "reminderMax" INTEGER NOT NULL DEFAULT 0,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalateAfterSec" INTEGER,
    "escalateTo" TEXT NOT NULL DEFAULT '[]',
    "escalatedAt" DATETIME,
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "claimExpiresAt" DATETIME,
    "decidedAt" DATETIME,
    "closedReason" TEXT,
    "supersededById" TEXT,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchRowId" INTEGER,
    CONSTRAINT "ApprovalTask_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApprovalTask_taskTokenId_fkey" FOREIGN KEY ("taskTokenId") REFERENCES "TaskToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApprovalTask_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApprovalTask" ("allowSelfApproval", "claimedAt", "claimedById", "closedReason", "createdAt", "decidedAt", "details", "dueAt", "escalateAfterSec", "escalateTo", "escalatedAt", "executionId", "form", "id", "onReject", "outcome", "policyCount", "policyMode", "reminderEverySec", "reminderMax", "remindersSent", "requesterApiKeyId", "requesterLabel", "requesterUserId", "stateName", "status", "supersededById", "taskTokenId", "title") SELECT "allowSelfApproval", "claimedAt", "claimedById", "closedReason", "createdAt", "decidedAt", "details", "dueAt", "escalateAfterSec", "escalateTo", "escalatedAt", "executionId", "form", "id", "onReject", "outcome", "policyCount", "policyMode", "reminderEverySec", "reminderMax", "remindersSent", "requesterApiKeyId", "requesterLabel", "requesterUserId", "stateName", "status", "supersededById", "taskTokenId", "title" FROM "ApprovalTask";
DROP TABLE "ApprovalTask";
ALTER TABLE "new_ApprovalTask" RENAME TO "ApprovalTask";
CREATE UNIQUE INDEX "ApprovalTask_taskTokenId_key" ON "ApprovalTask"("taskTokenId");
CREATE UNIQUE INDEX "ApprovalTask_searchRowId_key" ON "ApprovalTask"("searchRowId");
CREATE INDEX "ApprovalTask_status_createdAt_idx" ON "ApprovalTask"("status", "createdAt");
CREATE INDEX "ApprovalTask_status_dueAt_idx" ON "ApprovalTask"("status", "dueAt");
CREATE INDEX "ApprovalTask_status_updatedAt_idx" ON "ApprovalTask"("status", "updatedAt");
CREATE INDEX "ApprovalTask_createdAt_idx" ON "ApprovalTask"("createdAt");
CREATE INDEX "ApprovalTask_claimedById_claimExpiresAt_idx" ON "ApprovalTask"("claimedById", "claimExpiresAt");
CREATE INDEX "ApprovalTask_executionId_idx" ON "ApprovalTask"("executionId");
CREATE INDEX "ApprovalTask_inbox_idx" ON "ApprovalTask"("id", "status", "claimedById", "claimExpiresAt", "searchRowId", "updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");

-- CreateIndex
CREATE INDEX "ApprovalAssignee_userId_status_createdAt_idx" ON "ApprovalAssignee"("userId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_byUserId_at_idx" ON "Decision"("byUserId", "at");

-- Written by hand below this line (the schema engine cannot express it).
-- Tasks that existed before updatedAt: their last change is when they were decided or created.
UPDATE "ApprovalTask" SET "updatedAt" = COALESCE("decidedAt", "createdAt");

-- Full-text search over each task's title, details (the JSON's text and number values) and
-- requester: an FTS5 table Prisma does not model (lib/db/external-tables.ts names it, so the
-- schema engine leaves it alone). A task's row is ApprovalTask.searchRowId, kept by
-- lib/approvals/task-search.ts in the transaction that writes the task. The link is that column,
-- never ApprovalTask's own rowid, which a rebuilt table (VACUUM, a redefining migration) renumbers.
CREATE VIRTUAL TABLE "ApprovalTaskSearch" USING fts5(
    "title", "details", "requester",
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO "ApprovalTaskSearch" ("rowid", "title", "details", "requester")
SELECT "rowid", "title",
    CASE WHEN json_valid("details") THEN COALESCE((
        SELECT group_concat(j."value", ' ') FROM json_tree("ApprovalTask"."details") AS j
        WHERE j."type" IN ('text', 'integer', 'real')
    ), '') ELSE "details" END,
    COALESCE("requesterLabel", '')
FROM "ApprovalTask";
UPDATE "ApprovalTask" SET "searchRowId" = "rowid";
