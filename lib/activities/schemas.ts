import { z } from 'zod';
import { awsNameSchema, tagsSchema } from '../workflows/schemas';

export const createActivityBodySchema = z.object({ name: awsNameSchema, tags: tagsSchema.optional() });

export const pollActivityBodySchema = z.object({
  workerName: z.string().min(1).max(80).optional(),
  /** how long to hold the request open when no task is waiting (AWS holds 60 s) */
  waitSeconds: z.number().int().min(0).max(60).optional(),
});

export const activityParamsSchema = z.object({ name: z.string().min(1).max(200) });
