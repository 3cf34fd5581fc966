import { longFrenchDate } from '../documents/template.ts';

export interface EndLetterInput {
  firstName: string;
  lastName: string;
  organisationName: string;
  organisationAddress: string | null;
  coachName: string | null;
  coachEmail: string | null;
  /** The exit day (the letter's date). */
  date: string;
  /** The job the person holds at the exit, if any. */
  job: { title: string; employerName: string; start: string } | null;
}

/**
 * The end-of-coaching letter (lettre de fin d'accompagnement) given at the exit for a consolidated
 * insertion: the follow-up ends, and the coach says clearly that they stay available for the long
 * term (method.md §4). Plain text in the format of documents/pdf.ts ("# " headings, "- " bullets).
 */
export function endLetterText(a: EndLetterInput): string {
  const coach = a.coachName ?? 'Votre jobcoach';
  const reach = [a.organisationName, a.organisationAddress, a.coachEmail].filter(Boolean).join(' — ');
  const job = a.job
    ? ` : vous travaillez comme ${a.job.title} chez ${a.job.employerName} depuis le ${longFrenchDate(a.job.start)}`
    : '';
  return [
    '# Fin de l’accompagnement',
    '',
    `${a.organisationName}, le ${longFrenchDate(a.date)}`,
    '',
    `Bonjour ${a.firstName} ${a.lastName},`,
    '',
    `Votre insertion professionnelle est aujourd’hui consolidée${job}. Le suivi en entreprise se termine donc le ${longFrenchDate(a.date)}, et avec lui votre parcours de jobcoaching.`,
    '',
    'Merci pour la confiance que vous m’avez accordée tout au long de ce parcours. Ce que vous avez accompli, vous l’avez accompli vous-même.',
    '',
    '# Je reste disponible pour vous',
    '',
    'La fin du suivi ne met pas fin à notre lien : je reste disponible, sur le long terme. N’hésitez jamais à me contacter, par exemple :',
    '- si une difficulté apparaît dans votre travail ou avec votre employeur ;',
    '- si votre contrat prend fin ou si vous perdez votre emploi ;',
    '- si vous souhaitez évoluer, vous former ou changer d’emploi ;',
    '- pour toute question sur vos droits ou vos démarches.',
    '',
    `Vous pouvez me joindre à tout moment : ${reach}.`,
    '',
    'Avec mes meilleures salutations,',
    '',
    coach,
    `Jobcoach — ${a.organisationName}`,
  ].join('\n');
}
