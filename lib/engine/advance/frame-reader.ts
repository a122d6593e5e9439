/**
 * How a session reads the rows of its execution that it has not loaded: frames under a parent
 * (Parallel branches, Map iterations, the root), and whether aborting frames reaches rows that
 * belong to others (task tokens, Distributed Map runs). A worker's pass reads through the
 * engine's store (lib/engine/store), outside any lock: what it read is checked by the
 * execution's version when it writes. A session inside a service's transaction (start, stop,
 * redrive, a completed token) reads in that transaction.
 */
import type { Tx } from '../../db/client';
import { FRAME_SELECT, type FrameRow } from './live-frame';

export interface FrameQuery {
  /** the parents' ids; `null`: the execution's root frames */
  parents: string[] | null;
  /** only frames in one of these statuses (any when absent) */
  statuses?: readonly string[];
  /** frames to leave out (the session holds them, newer than their rows) */
  skip?: string[];
  /** only the first `limit`, by index */
  limit?: number;
}

export interface FrameReader {
  /** A frame of `executionId`, if there is one. */
  frame(executionId: string, id: string): Promise<FrameRow | undefined>;
  /** The frames of `executionId` that `query` asks for, by index. */
  frames(executionId: string, query: FrameQuery): Promise<FrameRow[]>;
  /** The PENDING task tokens of `frameIds`. */
  pendingTokens(frameIds: string[]): Promise<string[]>;
  /** The RUNNING Distributed Map runs of `frameIds`. */
  runningMapRuns(frameIds: string[]): Promise<string[]>;
}

/** The reader of a Prisma transaction. */
export function prismaFrameReader(tx: Tx): FrameReader {
  return {
    async frame(executionId, id) {
      return (
        (await tx.executionFrame.findFirst({ where: { id, executionId }, select: FRAME_SELECT })) ?? undefined
      );
    },
    frames(executionId, query) {
      return tx.executionFrame.findMany({
        where: {
          executionId,
          parentFrameId: query.parents === null ? null : { in: query.parents },
          ...(query.statuses ? { status: { in: [...query.statuses] } } : {}),
          ...(query.skip?.length ? { id: { notIn: query.skip } } : {}),
        },
        orderBy: { index: 'asc' },
        ...(query.limit !== undefined ? { take: query.limit } : {}),
        select: FRAME_SELECT,
      });
    },
    async pendingTokens(frameIds) {
      const rows = await tx.taskToken.findMany({
        where: { frameId: { in: frameIds }, status: 'PENDING' },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
    async runningMapRuns(frameIds) {
      const rows = await tx.mapRun.findMany({
        where: { frameId: { in: frameIds }, status: 'RUNNING' },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
  };
}
