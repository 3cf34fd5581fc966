import type { MailMessage } from './transport.ts';

/**
 * The messages' texts, plain and HTML, in the recipient's language (an account's `language`,
 * French by default: a partner's contact has none). No personal data in a subject line, which
 * mail servers log; no note, health or other sensitive field in any body.
 */

export const MAIL_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function mailLanguage(value: string | null | undefined): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as MailLanguage) : 'fr';
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A block of a message: a paragraph, a link, or a titled list of links. */
type Block =
  | { p: string }
  | { link: string; label: string }
  | { title: string; items: { text: string; href: string }[] };

function compose(to: string, lang: MailLanguage, subject: string, blocks: Block[]): MailMessage {
  const text = blocks
    .map((b) => {
      if ('p' in b) return b.p;
      if ('link' in b) return b.link;
      return [b.title, ...b.items.map((i) => `- ${i.text}\n  ${i.href}`)].join('\n');
    })
    .join('\n\n');
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ('link' in b) {
        const href = escapeHtml(b.link);
        return `<p><a href="${href}">${escapeHtml(b.label)}</a></p>\n<p style="color: #666; font-size: small">${href}</p>`;
      }
      const items = b.items
        .map((i) => `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a></li>`)
        .join('\n');
      return `<h2 style="font-size: medium">${escapeHtml(b.title)}</h2>\n<ul>\n${items}\n</ul>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}"><body style="font-family: sans-serif; line-height: 1.5">
${body}
</body></html>`;
  return { to, subject, text: `${text}\n`, html };
}

const HELLO: Record<MailLanguage, string> = {
  fr: 'Bonjour,',
  nl: 'Goedendag,',
  de: 'Guten Tag,',
  en: 'Hello,',
};

/** The link to choose a new password, valid `validMinutes`, once. */
export function passwordResetMail(
  to: string,
  link: string,
  validMinutes: number,
  lang: MailLanguage = 'fr',
): MailMessage {
  const t = {
    fr: {
      subject: 'Jobcoach : réinitialisation du mot de passe',
      asked:
        'Une réinitialisation du mot de passe de votre compte Jobcoach a été demandée. Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous.',
      once: `Ce lien ne sert qu'une fois et n'est valable que ${validMinutes} minutes. Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.`,
      ignore: "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
      label: 'Choisir un nouveau mot de passe',
    },
    nl: {
      subject: 'Jobcoach: wachtwoord opnieuw instellen',
      asked:
        'Er is gevraagd om het wachtwoord van uw Jobcoach-account opnieuw in te stellen. Open de onderstaande link om een nieuw wachtwoord te kiezen.',
      once: `Deze link werkt maar één keer en is slechts ${validMinutes} minuten geldig. Zodra het wachtwoord gewijzigd is, worden al uw open sessies afgesloten.`,
      ignore: 'Hebt u niets gevraagd? Negeer dit bericht: uw wachtwoord blijft ongewijzigd.',
      label: 'Een nieuw wachtwoord kiezen',
    },
    de: {
      subject: 'Jobcoach: Passwort zurücksetzen',
      asked:
        'Für Ihr Jobcoach-Konto wurde das Zurücksetzen des Passworts angefordert. Öffnen Sie den Link unten, um ein neues Passwort zu wählen.',
      once: `Dieser Link funktioniert nur einmal und ist nur ${validMinutes} Minuten gültig. Sobald das Passwort geändert ist, werden alle Ihre offenen Sitzungen beendet.`,
      ignore:
        'Falls Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
      label: 'Neues Passwort wählen',
    },
    en: {
      subject: 'Jobcoach: password reset',
      asked:
        'A reset of the password of your Jobcoach account was requested. To choose a new password, open the link below.',
      once: `This link works once and is valid for ${validMinutes} minutes only. Once the password is changed, all your open sessions are closed.`,
      ignore: 'If you did not ask for anything, ignore this message: your password stays as it is.',
      label: 'Choose a new password',
    },
  }[lang];
  return compose(to, lang, t.subject, [
    { p: HELLO[lang] },
    { p: t.asked },
    { link, label: t.label },
    { p: t.once },
    { p: t.ignore },
  ]);
}

/**
 * An invitation to join an organisation's team. For an account created by the invitation, the
 * link sets its password (and accepts); for an existing account, it leads to the login, after
 * which the owner accepts or declines.
 */
export function invitationMail(
  to: string,
  args: { organisationName: string; link: string; newAccount: boolean; validDays: number },
  lang: MailLanguage = 'fr',
): MailMessage {
  const { organisationName: org, validDays } = args;
  const t = {
    fr: {
      subject: 'Jobcoach : invitation à rejoindre une équipe',
      invited: `L'équipe « ${org} » vous invite à la rejoindre sur Jobcoach.`,
      todo: args.newAccount
        ? 'Ouvrez le lien ci-dessous pour choisir votre mot de passe : vous pourrez ensuite vous connecter.'
        : "Ouvrez le lien ci-dessous et connectez-vous avec votre compte habituel : vous pourrez accepter ou refuser l'invitation. Vos autres équipes ne changent pas.",
      label: args.newAccount ? 'Choisir mon mot de passe' : "Voir l'invitation",
      once: `Ce lien ne sert qu'une fois et est valable ${validDays} jours.`,
      ignore: 'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
    },
    nl: {
      subject: 'Jobcoach: uitnodiging om bij een team te komen',
      invited: `Het team « ${org} » nodigt u uit om zich bij hen aan te sluiten op Jobcoach.`,
      todo: args.newAccount
        ? 'Open de onderstaande link om uw wachtwoord te kiezen: daarna kunt u zich aanmelden.'
        : 'Open de onderstaande link en meld u aan met uw gewone account: u kunt de uitnodiging dan aanvaarden of weigeren. Uw andere teams veranderen niet.',
      label: args.newAccount ? 'Mijn wachtwoord kiezen' : 'De uitnodiging bekijken',
      once: `Deze link werkt maar één keer en is ${validDays} dagen geldig.`,
      ignore: 'Verwachtte u deze uitnodiging niet? Negeer dan dit bericht.',
    },
    de: {
      subject: 'Jobcoach: Einladung in ein Team',
      invited: `Das Team « ${org} » lädt Sie ein, ihm auf Jobcoach beizutreten.`,
      todo: args.newAccount
        ? 'Öffnen Sie den Link unten, um Ihr Passwort zu wählen: danach können Sie sich anmelden.'
        : 'Öffnen Sie den Link unten und melden Sie sich mit Ihrem gewohnten Konto an: dann können Sie die Einladung annehmen oder ablehnen. Ihre anderen Teams bleiben unverändert.',
      label: args.newAccount ? 'Mein Passwort wählen' : 'Einladung ansehen',
      once: `Dieser Link funktioniert nur einmal und ist ${validDays} Tage gültig.`,
      ignore: 'Falls Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.',
    },
    en: {
      subject: 'Jobcoach: invitation to join a team',
      invited: `The team « ${org} » invites you to join it on Jobcoach.`,
      todo: args.newAccount
        ? 'Open the link below to choose your password: you can then sign in.'
        : 'Open the link below and sign in with your usual account: you can then accept or decline the invitation. Your other teams do not change.',
      label: args.newAccount ? 'Choose my password' : 'See the invitation',
      once: `This link works once and is valid for ${validDays} days.`,
      ignore: 'If you did not expect this invitation, ignore this message.',
    },
  }[lang];
  return compose(to, lang, t.subject, [
    { p: HELLO[lang] },
    { p: t.invited },
    { p: t.todo },
    { link: args.link, label: t.label },
    { p: t.once },
    { p: t.ignore },
  ]);
}

export type IntakeDecision = 'accepted' | 'postponed' | 'redirected';

function formatDate(date: string, lang: MailLanguage): string {
  const [y, m, d] = date.split('-');
  return lang === 'en' ? `${y}-${m}-${d}` : `${d}/${m}/${y}`;
}

/**
 * The answer to the partner who referred a person: the decision taken at intake, nothing else (no
 * reason, no assessment, not even the service a person is redirected to, which may tell a health
 * matter). The person's name is in the body only.
 */
export function intakeDecisionMail(
  to: string,
  args: {
    organisationName: string;
    personName: string;
    referralReceivedOn: string;
    decision: IntakeDecision;
    reviewDate: string | null;
  },
  lang: MailLanguage = 'fr',
): MailMessage {
  const { organisationName: org, personName: who } = args;
  const received = formatDate(args.referralReceivedOn, lang);
  const review = args.reviewDate ? formatDate(args.reviewDate, lang) : null;
  const t = {
    fr: {
      subject: 'Jobcoach : suite donnée à votre orientation',
      intro: `${org} vous informe de la suite donnée à l'orientation de ${who}, reçue le ${received}.`,
      accepted: "L'accompagnement en jobcoaching est accepté.",
      postponed: review
        ? `La décision est reportée ; la situation sera réexaminée vers le ${review}.`
        : 'La décision est reportée ; la situation sera réexaminée plus tard.',
      redirected:
        "La personne est réorientée vers un autre service, mieux adapté à sa situation d'aujourd'hui.",
      consent:
        'Ce message vous est envoyé parce que la personne a accepté que nous partagions ses informations avec vous.',
    },
    nl: {
      subject: 'Jobcoach: gevolg gegeven aan uw doorverwijzing',
      intro: `${org} laat u weten welk gevolg gegeven is aan de doorverwijzing van ${who}, ontvangen op ${received}.`,
      accepted: 'De jobcoaching-begeleiding is aanvaard.',
      postponed: review
        ? `De beslissing is uitgesteld; de situatie wordt rond ${review} opnieuw bekeken.`
        : 'De beslissing is uitgesteld; de situatie wordt later opnieuw bekeken.',
      redirected:
        'De persoon wordt doorverwezen naar een andere dienst die beter past bij de huidige situatie.',
      consent:
        'U ontvangt dit bericht omdat de persoon ermee instemde dat wij zijn of haar gegevens met u delen.',
    },
    de: {
      subject: 'Jobcoach: Ergebnis Ihrer Zuweisung',
      intro: `${org} informiert Sie über das Ergebnis der Zuweisung von ${who}, eingegangen am ${received}.`,
      accepted: 'Die Begleitung im Jobcoaching ist angenommen.',
      postponed: review
        ? `Die Entscheidung ist vertagt; die Lage wird um den ${review} erneut geprüft.`
        : 'Die Entscheidung ist vertagt; die Lage wird später erneut geprüft.',
      redirected:
        'Die Person wird an einen anderen Dienst verwiesen, der ihrer heutigen Lage besser entspricht.',
      consent:
        'Sie erhalten diese Nachricht, weil die Person zugestimmt hat, dass wir ihre Angaben mit Ihnen teilen.',
    },
    en: {
      subject: 'Jobcoach: outcome of your referral',
      intro: `${org} lets you know the outcome of the referral of ${who}, received on ${received}.`,
      accepted: 'The jobcoaching support is accepted.',
      postponed: review
        ? `The decision is postponed; the situation will be reviewed around ${review}.`
        : 'The decision is postponed; the situation will be reviewed later.',
      redirected: 'The person is redirected to another service, better suited to their situation today.',
      consent: 'You receive this message because the person agreed that we share their information with you.',
    },
  }[lang];
  return compose(to, lang, t.subject, [
    { p: HELLO[lang] },
    { p: t.intro },
    { p: t[args.decision] },
    { p: t.consent },
  ]);
}

/** One organisation's part of a coach's morning digest: names and links only. */
export interface DigestSection {
  organisationName: string;
  overdue: { name: string; href: string }[];
  contractsEnding: { name: string; href: string; on: string }[];
  deadlines: { name: string; href: string; on: string }[];
}

/** The coach's morning digest (mail/digest.ts): null when there is nothing to say. */
export function morningDigestMail(
  to: string,
  args: { today: string; myDayUrl: string; sections: DigestSection[] },
  lang: MailLanguage = 'fr',
): MailMessage | null {
  const sections = args.sections.filter(
    (s) => s.overdue.length + s.contractsEnding.length + s.deadlines.length > 0,
  );
  if (sections.length === 0) return null;
  const t = {
    fr: {
      subject: 'Jobcoach : votre journée',
      intro: `Votre journée du ${formatDate(args.today, lang)}, en bref.`,
      overdue: 'Contacts en retard',
      ending: 'Contrats qui se terminent',
      deadlines: 'Échéances cette semaine',
      until: 'fin le',
      by: 'le',
      open: 'Ouvrir « Ma journée »',
      optout:
        'Vous recevez ce message parce que vous l’avez demandé sur la page « Mon compte », où vous pouvez l’arrêter.',
    },
    nl: {
      subject: 'Jobcoach: uw dag',
      intro: `Uw dag van ${formatDate(args.today, lang)}, in het kort.`,
      overdue: 'Achterstallige contacten',
      ending: 'Contracten die aflopen',
      deadlines: 'Termijnen deze week',
      until: 'einde op',
      by: 'op',
      open: '« Mijn dag » openen',
      optout:
        'U ontvangt dit bericht omdat u het gevraagd hebt op de pagina « Mijn account », waar u het kunt stopzetten.',
    },
    de: {
      subject: 'Jobcoach: Ihr Tag',
      intro: `Ihr Tag am ${formatDate(args.today, lang)}, kurz gefasst.`,
      overdue: 'Überfällige Kontakte',
      ending: 'Auslaufende Verträge',
      deadlines: 'Fristen diese Woche',
      until: 'Ende am',
      by: 'am',
      open: '« Mein Tag » öffnen',
      optout:
        'Sie erhalten diese Nachricht, weil Sie sie auf der Seite « Mein Konto » angefordert haben, wo Sie sie abbestellen können.',
    },
    en: {
      subject: 'Jobcoach: your day',
      intro: `Your day of ${formatDate(args.today, lang)}, in short.`,
      overdue: 'Overdue contacts',
      ending: 'Contracts ending',
      deadlines: 'Deadlines this week',
      until: 'ends on',
      by: 'on',
      open: 'Open « My day »',
      optout:
        'You receive this message because you asked for it on the « My account » page, where you can stop it.',
    },
  }[lang];
  const blocks: Block[] = [{ p: HELLO[lang] }, { p: t.intro }];
  for (const s of sections) {
    if (args.sections.length > 1) blocks.push({ p: `— ${s.organisationName} —` });
    if (s.overdue.length)
      blocks.push({ title: t.overdue, items: s.overdue.map((i) => ({ text: i.name, href: i.href })) });
    if (s.contractsEnding.length) {
      blocks.push({
        title: t.ending,
        items: s.contractsEnding.map((i) => ({
          text: `${i.name}, ${t.until} ${formatDate(i.on, lang)}`,
          href: i.href,
        })),
      });
    }
    if (s.deadlines.length) {
      blocks.push({
        title: t.deadlines,
        items: s.deadlines.map((i) => ({
          text: `${i.name}, ${t.by} ${formatDate(i.on, lang)}`,
          href: i.href,
        })),
      });
    }
  }
  blocks.push({ link: args.myDayUrl, label: t.open }, { p: t.optout });
  return compose(to, lang, t.subject, blocks);
}
