/** The three roles (DESIGN.md section 6): admins see and manage everything, managers their groups' tasks, approvers their own. */
import { z } from 'zod';

const ROLES = ['admin', 'manager', 'approver'] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { message: 'A role is admin, manager or approver.' });
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters.')
  .email('Enter an email address.');
