import type { MailMessage } from './transport.ts';

/**
 * The messages' texts, plain and HTML. French (no account records a language yet); no personal
 * data in a subject line, which mail servers log.
 */

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const href = escapeHtml(link.href);
  return `<!doctype html>
<html lang="fr"><body style="font-family: sans-serif; line-height: 1.5">
${body}
<p><a href="${href}">${escapeHtml(link.label)}</a></p>
<p style="color: #666; font-size: small">${escapeHtml(link.href)}</p>
</body></html>`;
}

/** The link to choose a new password, valid `validMinutes`, once. */
export function passwordResetMail(to: string, link: string, validMinutes: number): MailMessage {
  const paragraphs = [
    'Bonjour,',
    'Une réinitialisation du mot de passe de votre compte Jobcoach a été demandée. Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous.',
    `Ce lien ne sert qu'une fois et n'est valable que ${validMinutes} minutes. Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.`,
    "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
  ];
  return {
    to,
    subject: 'Jobcoach : réinitialisation du mot de passe',
    text: `${paragraphs.slice(0, 2).join('\n\n')}\n\n${link}\n\n${paragraphs.slice(2).join('\n\n')}\n`,
    html: html(paragraphs, { href: link, label: 'Choisir un nouveau mot de passe' }),
  };
}
