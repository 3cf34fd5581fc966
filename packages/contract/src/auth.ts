import { MEMBERSHIP_ROLES, MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { z } from 'zod';
import { passwordWeakness } from './password-policy.ts';

/** Sessions, the signed-in user (`Me`), passwords and the second factor (TOTP). */

/** An account's e-mail address, trimmed and lower-cased. */
export const accountEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'au plus 254 caractères.')
  .pipe(z.email('adresse e-mail invalide.'));

/** A new password: long enough, and not a common one (password-policy.ts). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(200, 'au plus 200 caractères.')
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

export const loginBodySchema = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
  totpCode: z.string().max(20).optional(),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const passwordChangeBodySchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: passwordSchema,
});
export type PasswordChangeBody = z.input<typeof passwordChangeBodySchema>;

/** « Mot de passe oublié ? »: the address typed; the answer is the same whether it exists or not. */
export const passwordResetRequestBodySchema = z.object({
  email: z.string().trim().min(1, 'adresse e-mail requise.').max(254),
});
export type PasswordResetRequestBody = z.input<typeof passwordResetRequestBodySchema>;

/** The link's token and the new password. */
export const passwordResetBodySchema = z.object({
  token: z.string().min(1, 'lien incomplet.').max(200),
  newPassword: passwordSchema,
});
export type PasswordResetBody = z.input<typeof passwordResetBodySchema>;

/** The link of an invitation e-mail: its token and the password the new member chooses. */
export const invitationLinkBodySchema = passwordResetBodySchema;
export type InvitationLinkBody = PasswordResetBody;

export const organisationSwitchBodySchema = z.object({ organisationId: z.uuid('identifiant invalide.') });

/** An invitation as the inviting organisation sees it: what its coordinator typed, nothing more. */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  fte: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Past its 7 days without an answer: inviting the address again sends a new one. */
  expired: z.boolean(),
});
export type Invitation = z.output<typeof invitationSchema>;
export const invitationListSchema = z.array(invitationSchema);
/** An invitation the invited user answers. */
export const invitationParams = z.object({ invitationId: z.uuid('identifiant invalide.') });

/** An invitation as the invited user sees it (on « Me »), to accept or decline. */
export const receivedInvitationSchema = z.object({
  id: z.string(),
  organisationName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
});
export type ReceivedInvitation = z.output<typeof receivedInvitationSchema>;

export const membershipSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  fte: z.number(),
  /** The organisation requires a second factor of the sessions working in it. */
  requireTotp: z.boolean(),
});
export type Membership = z.output<typeof membershipSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    isAdmin: z.boolean(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    /** An organisation of the user requires TOTP, not enabled yet: nothing else works until it is. */
    mustEnrolTotp: z.boolean(),
  }),
  csrfToken: z.string(),
  currentOrganisationId: z.string().nullable(),
  memberships: z.array(membershipSchema),
  /** Invitations to join an organisation, waiting for the user's answer. */
  invitations: z.array(receivedInvitationSchema),
});
export type Me = z.output<typeof meSchema>;

// ---- account security: sessions and the second factor ----

/** A live session of the user; `id` is public, not the cookie. */
export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type AccountSession = z.output<typeof sessionSchema>;
export const sessionListSchema = z.array(sessionSchema);

export const userIdParams = z.object({ userId: z.uuid('identifiant invalide.') });

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetup = z.output<typeof totpSetupSchema>;

const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'code à 6 chiffres attendu.');
export const totpEnableBodySchema = z.object({ code: totpCodeSchema });
export const totpDisableBodySchema = z.object({ currentPassword: z.string().max(200) });

// ---- the account's e-mail preferences ----

export const MAIL_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

/** The language of the messages the account receives, and the coach's morning digest. */
export const mailPreferencesSchema = z.object({
  morningDigest: z.boolean(),
  language: z.enum(MAIL_LANGUAGES),
});
export type MailPreferences = z.output<typeof mailPreferencesSchema>;

export const mailPreferencesPatchSchema = z.object({
  morningDigest: z.boolean('vrai ou faux attendu.').optional(),
  language: z.enum(MAIL_LANGUAGES, 'langue inconnue (fr, nl, de ou en).').optional(),
});
export type MailPreferencesPatch = z.input<typeof mailPreferencesPatchSchema>;

/** GET /api/auth/offline-key: the key of the session's offline store on the device (null: none). */
export const offlineKeySchema = z.object({ key: z.string().nullable() });
export type OfflineKey = z.output<typeof offlineKeySchema>;
