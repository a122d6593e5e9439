-- CreateTable
CREATE TABLE "ApprovalLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "assigneeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalLink_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "ApprovalAssignee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Carry over the links already mailed (until now, one per assignee) before the column goes.
INSERT INTO "ApprovalLink" ("tokenHash", "assigneeId", "kind", "createdAt")
SELECT "linkTokenHash", "id", 'approval-request', "createdAt" FROM "ApprovalAssignee" WHERE "linkTokenHash" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApprovalAssignee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "via" TEXT NOT NULL DEFAULT 'direct',
    "delegatedFromUserId" TEXT,
    "linkExpiresAt" DATETIME,
    "linkUsedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ApprovalTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApprovalAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApprovalAssignee" ("createdAt", "delegatedFromUserId", "email", "id", "linkExpiresAt", "linkUsedAt", "status", "taskId", "userId", "via") SELECT "createdAt", "delegatedFromUserId", "email", "id", "linkExpiresAt", "linkUsedAt", "status", "taskId", "userId", "via" FROM "ApprovalAssignee";
DROP TABLE "ApprovalAssignee";
ALTER TABLE "new_ApprovalAssignee" RENAME TO "ApprovalAssignee";
CREATE INDEX "ApprovalAssignee_userId_status_idx" ON "ApprovalAssignee"("userId", "status");
CREATE INDEX "ApprovalAssignee_email_status_idx" ON "ApprovalAssignee"("email", "status");
CREATE UNIQUE INDEX "ApprovalAssignee_taskId_email_key" ON "ApprovalAssignee"("taskId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ApprovalLink_assigneeId_idx" ON "ApprovalLink"("assigneeId");
