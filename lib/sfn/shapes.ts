/** Small conversions into the Step Functions wire shapes. */
import { z } from 'zod';

/** AWS JSON 1.0 timestamps: epoch seconds as a number (milliseconds as the fraction). */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

export function optionalEpoch(date: Date | null | undefined): number | undefined {
  return date ? epochSeconds(date) : undefined;
}

export const arnSchema = z.string().min(1).max(2048);
export const maxResultsSchema = z.number().int().min(0).max(1000).optional();
export const nextTokenSchema = z.string().min(1).max(1024).optional();

export const tagListSchema = z
  .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) }))
  .max(50);

export function tagsToRecord(tags: z.infer<typeof tagListSchema> = []): Record<string, string> {
  return Object.fromEntries(tags.map(({ key, value }) => [key, value]));
}

export function recordToTags(tags: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/** Drops undefined members so the JSON says only what is known. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
