import { MEMBERSHIP_ROLES } from '@jobcoach/domain';
import { z } from 'zod';
import { accountEmailSchema, passwordSchema } from './auth.ts';

/** The members of an organisation: accounts, roles, working time, the right to sensitive fields. */

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  fte: z.number(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Whether the member has enrolled a second factor (for organisations that require one). */
  totpEnabled: z.boolean(),
  /** A jobcoach granted the right to read sensitive fields (coordinators hold it by role). */
  sensitiveAccess: z.boolean(),
  version: z.number(),
});
export type Member = z.output<typeof memberSchema>;
export type Role = Member['role'];
export const memberListSchema = z.array(memberSchema);

/** The active staff of an organisation, names and roles only (to choose a coach or a cover). */
export const colleagueListSchema = z.array(
  z.object({ userId: z.string(), name: z.string(), role: z.enum(MEMBERSHIP_ROLES) }),
);
export type Colleagues = z.output<typeof colleagueListSchema>;

export const orgParams = z.object({ orgId: z.uuid('identifiant invalide.') });
export const memberParams = orgParams.extend({ userId: z.uuid('identifiant invalide.') });
/** An invitation of the organisation (its coordinator withdraws it). */
export const orgInvitationParams = orgParams.extend({ invitationId: z.uuid('identifiant invalide.') });

const roleSchema = z.enum(MEMBERSHIP_ROLES, 'rôle inconnu (coordinator, jobcoach ou evaluator).');
const fteSchema = z
  .number('nombre attendu.')
  .gt(0, 'doit être supérieur à 0.')
  .max(1.5, 'au plus 1,5.')
  .multipleOf(0.01, 'deux décimales au plus.');
const nameSchema = z.string().trim().min(1, 'ce champ est obligatoire.').max(200, 'au plus 200 caractères.');

export const memberInputSchema = z.object({
  name: nameSchema,
  email: accountEmailSchema,
  role: roleSchema,
  fte: fteSchema.optional(),
  /**
   * For a new account, the password to hand over. Optional when the server sends e-mail: the
   * invitation's link then lets the member choose theirs.
   */
  temporaryPassword: passwordSchema.optional(),
});
export type MemberBody = z.input<typeof memberInputSchema>;

export const memberPatchSchema = z.object({
  name: nameSchema.optional(),
  role: roleSchema.optional(),
  fte: fteSchema.optional(),
  active: z.boolean('vrai ou faux attendu.').optional(),
  /** Grants a jobcoach the right to read sensitive fields (docs/security.md). */
  sensitiveAccess: z.boolean('vrai ou faux attendu.').optional(),
  version: z.number().int('nombre entier attendu.').positive('nombre positif attendu.'),
});
export type MemberPatchBody = z.input<typeof memberPatchSchema>;

export const temporaryPasswordBodySchema = z.object({ temporaryPassword: passwordSchema });
