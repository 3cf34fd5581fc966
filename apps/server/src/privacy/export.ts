import type { Database, Kysely, Transaction } from '@jobcoach/db';
import { brusselsDate, isIsoDate } from '@jobcoach/domain';
import { renderTextPdf } from '../documents/pdf.ts';
import { frenchDate } from '../persons/common.ts';
import { consentRecords, handoffRecords } from './records.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/** snake_case → camelCase keys; timestamps as ISO strings (calendar dates already are strings). */
function camel(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const k = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    out[k] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export interface PersonExport {
  format: 'jobcoach-person-export';
  version: 1;
  exportedAt: string;
  organisation: { id: string; name: string };
  person: Row;
  assessments: Row[];
  trajectoryEvents: Row[];
  contacts: Row[];
  employmentPeriods: Row[];
  documents: Row[];
  /** Contacts and visits planned with the person (agenda), held, cancelled or still to hold. */
  plannedContacts: Row[];
  presentations: Row[];
  contracts: Row[];
  employerContacts: Row[];
  consents: Row[];
  handoffs: Row[];
  /** Who received the person's data: partners (hand-offs) and employers (presentations, contracts). */
  recipients: { kind: 'partner' | 'employer'; name: string; on: string; what: string }[];
  /** Who opened, exported or produced a document from the file, when (the audited reads). */
  accessLog: { at: string; actorName: string | null; action: string; document: string | null }[];
}

/**
 * Everything the organisation holds about one person (GDPR art. 15): the file, its history, the
 * presentations, contracts and contacts with employers about them, consents, hand-offs, and the
 * log of who accessed it. Undefined when the organisation has no such person.
 */
export async function collectPersonExport(
  db: Db,
  organisationId: string,
  personId: string,
  now: Date,
): Promise<PersonExport | undefined> {
  const person = await db
    .selectFrom('person as p')
    .leftJoin('app_user as c', 'c.id', 'p.coach_id')
    .leftJoin('partner as pa', 'pa.id', 'p.referral_partner_id')
    .selectAll('p')
    .select(['c.name as coach_name', 'pa.name as referral_partner_name'])
    .where('p.id', '=', personId)
    .where('p.organisation_id', '=', organisationId)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!person) return undefined;
  const organisation = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const assessments = await db
    .selectFrom('coachability_assessment as a')
    .leftJoin('partner as pa', 'pa.id', 'a.redirect_partner_id')
    .leftJoin('app_user as u', 'u.id', 'a.assessor_id')
    .selectAll('a')
    .select(['pa.name as redirect_partner_name', 'u.name as assessor_name'])
    .where('a.person_id', '=', personId)
    .orderBy('a.created_at')
    .execute();
  const events = await db
    .selectFrom('trajectory_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.name as actor_name')
    .where('e.person_id', '=', personId)
    .orderBy('e.at')
    .execute();
  const about = await db
    .selectFrom('contact_person as cp')
    .innerJoin('contact as c', 'c.id', 'cp.contact_id')
    .leftJoin('employer as e', 'e.id', 'c.employer_id')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select(['cp.present', 'e.name as employer_name', 'u.name as author_name'])
    .where('cp.person_id', '=', personId)
    .orderBy('c.date')
    .orderBy('c.created_at')
    .execute();
  // The contacts with the person (and the others about them), then those with employers about them.
  const contacts = about.filter((c) => c.employer_id === null);
  const periods = await db
    .selectFrom('employment_period')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_on')
    .execute();
  const documents = await db
    .selectFrom('person_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.author_id')
    .selectAll('d')
    .select('u.name as author_name')
    .where('d.person_id', '=', personId)
    .orderBy('d.dated_on')
    .execute();
  const plannedContacts = await db
    .selectFrom('planned_contact as pc')
    .leftJoin('employer as e', 'e.id', 'pc.employer_id')
    .leftJoin('app_user as u', 'u.id', 'pc.coach_id')
    .select([
      'pc.starts_on',
      'pc.starts_at',
      'pc.duration_minutes',
      'pc.place',
      'pc.channel',
      'e.name as employer_name',
      'u.name as coach_name',
      'pc.status',
    ])
    .where('pc.person_id', '=', personId)
    .orderBy('pc.starts_on')
    .orderBy('pc.starts_at')
    .execute();
  const presentations = await db
    .selectFrom('presentation as pr')
    .innerJoin('vacancy as v', 'v.id', 'pr.vacancy_id')
    .innerJoin('employer as e', 'e.id', 'v.employer_id')
    .selectAll('pr')
    .select(['v.title as vacancy_title', 'e.name as employer_name'])
    .where('pr.person_id', '=', personId)
    .orderBy('pr.created_at')
    .execute();
  const steps = presentations.length
    ? await db
        .selectFrom('presentation_step as s')
        .leftJoin('app_user as u', 'u.id', 's.author_id')
        .selectAll('s')
        .select('u.name as author_name')
        .where(
          's.presentation_id',
          'in',
          presentations.map((p) => p.id),
        )
        .orderBy('s.at')
        .execute()
    : [];
  const contracts = await db
    .selectFrom('contract as k')
    .innerJoin('employer as e', 'e.id', 'k.employer_id')
    .leftJoin('vacancy as v', 'v.id', 'k.vacancy_id')
    .selectAll('k')
    .select(['e.name as employer_name', 'v.title as vacancy_title'])
    .where('k.person_id', '=', personId)
    .orderBy('k.start_on')
    .execute();
  const arrangements = await db
    .selectFrom('follow_up_arrangement')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  const employerContacts = about.filter((c) => c.employer_id !== null);
  const consents = await consentRecords(db, personId, 'asc');
  const handoffs = await handoffRecords(db, personId, 'asc');
  const access = await db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'u.name', 'a.action', 'a.details'])
    .where('a.entity', '=', 'person')
    .where('a.entity_id', '=', personId)
    .where('a.organisation_id', '=', organisationId)
    .where('a.action', 'in', ['read', 'export'])
    .orderBy('a.id')
    .execute();

  const recipients: PersonExport['recipients'] = [
    ...handoffs.map((h) => ({
      kind: 'partner' as const,
      name: h.partner_name,
      on: h.shared_on,
      what: `transmission (${h.purpose})`,
    })),
    ...presentations
      .filter((p) => p.step !== 'proposed' && p.step !== 'discussed' && p.step !== 'declined')
      .map((p) => ({
        kind: 'employer' as const,
        name: p.employer_name,
        on: brusselsDate(new Date(p.created_at)),
        what: `candidature « ${p.vacancy_title} »`,
      })),
    ...contracts.map((k) => ({
      kind: 'employer' as const,
      name: k.employer_name,
      on: k.signed_on,
      what: `contrat « ${k.job_title} »`,
    })),
  ];

  return {
    format: 'jobcoach-person-export',
    version: 1,
    exportedAt: now.toISOString(),
    organisation,
    person: camel(person),
    assessments: assessments.map(camel),
    trajectoryEvents: events.map(camel),
    contacts: contacts.map(camel),
    employmentPeriods: periods.map(camel),
    documents: documents.map(camel),
    plannedContacts: plannedContacts.map(camel),
    presentations: presentations.map((p) => ({
      ...camel(p),
      steps: steps.filter((s) => s.presentation_id === p.id).map(camel),
    })),
    // Cancelled contracts too (entered by mistake, kept): marked so, with the reason.
    contracts: contracts.map((k) => ({
      ...camel(k),
      cancelled: k.cancelled_at !== null,
      arrangement: (() => {
        const a = arrangements.find((x) => x.contract_id === k.id);
        return a ? camel(a) : null;
      })(),
    })),
    employerContacts: employerContacts.map(camel),
    consents: consents.map(camel),
    handoffs: handoffs.map(camel),
    recipients,
    accessLog: access.map((r) => ({
      at: new Date(r.at).toISOString(),
      actorName: r.name,
      action: r.action,
      document: typeof r.details?.document === 'string' ? r.details.document : null,
    })),
  };
}

// ---- The readable PDF ----

const LABELS: Record<string, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  birthDate: 'Date de naissance',
  sex: 'Sexe',
  niss: 'NISS',
  address: 'Adresse',
  postcode: 'Code postal',
  commune: 'Commune',
  phone: 'Téléphone',
  email: 'E-mail',
  origin: 'Origine',
  studies: 'Études',
  residenceStatus: 'Séjour',
  monthsWithoutJob: 'Mois sans emploi',
  income: 'Revenus',
  singleParent: 'Parent seul',
  childrenCount: 'Enfants',
  debtSettlementPlan: 'Plan d’apurement',
  drivingLicence: 'Permis de conduire',
  hasCar: 'Voiture',
  publicTransport: 'Transports en commun',
  maxTravelMinutes: 'Trajet maximal (minutes)',
  languages: 'Langues',
  scheduleDays: 'Jours disponibles',
  scheduleHours: 'Horaires',
  scheduleLimits: 'Contraintes d’horaire',
  physicalLimits: 'Limites physiques',
  physicalLimitsNote: 'Limites physiques (note)',
  understand: 'Comprendre',
  speak: 'Parler',
  read: 'Lire',
  write: 'Écrire',
  wishedSectors: 'Secteurs souhaités',
  wishedJobs: 'Métiers souhaités',
  cdiOnly: 'CDI uniquement',
  skillsKnowHow: 'Savoir-faire',
  skillsSoft: 'Savoir-être',
  notes: 'Notes',
  referralKind: 'Orientation',
  referralPartnerName: 'Partenaire prescripteur',
  referralReceivedOn: 'Orientation reçue le',
  informationSessionOn: 'Séance d’information le',
  consentOn: 'Consentement le',
  consentScope: 'Portée du consentement',
  trustContractSignedOn: 'Contrat de confiance signé le',
  phase: 'Phase',
  phaseSince: 'Depuis le',
  preHireEntry: 'Entrée en pré-embauche',
  entryAge: 'Âge à l’entrée',
  coachName: 'Jobcoach',
  erasedAt: 'Effacée le',
  assessedOn: 'Évaluée le',
  decision: 'Décision',
  reviewDate: 'À revoir le',
  reason: 'Motif',
  redirectPartnerName: 'Réorientée vers',
  assessorName: 'Par',
  date: 'Date',
  transitionId: 'Mouvement',
  fromPhase: 'De',
  toPhase: 'Vers',
  detail: 'Précision',
  actorName: 'Par',
  withWhom: 'Avec',
  counterpart: 'Interlocuteur',
  channel: 'Canal',
  durationMinutes: 'Durée (minutes)',
  nextPlannedOn: 'Prochain contact prévu',
  authorName: 'Par',
  kind: 'Type',
  startOn: 'Début',
  endOn: 'Fin',
  datedOn: 'Daté du',
  vacancyTitle: 'Offre',
  employerName: 'Employeur',
  step: 'Étape',
  type: 'Type',
  signedOn: 'Signé le',
  plannedEndOn: 'Fin prévue',
  actualEndOn: 'Fin effective',
  endReason: 'Motif de fin',
  endDetail: 'Précision',
  hoursPerWeek: 'Heures par semaine',
  jobTitle: 'Fonction',
  hiringAids: 'Aides à l’embauche',
  purpose: 'Finalité',
  partnerName: 'Partenaire',
  givenOn: 'Donné le',
  informationOn: 'Information donnée le',
  notice: 'Information (notice)',
  note: 'Note',
  withdrawnOn: 'Retiré le',
  sharedOn: 'Transmis le',
  sections: 'Parties transmises',
  sharedByName: 'Par',
  recordedByName: 'Enregistré par',
  mode: 'Modalité',
  discreet: 'Suivi discret',
  frequency: 'Fréquence',
  threeWayDetail: 'Précision (rencontre tripartite)',
  cancelled: 'Annulé (saisi par erreur)',
  cancellationReason: 'Motif de l’annulation',
  correctionReason: 'Motif de la correction',
};

/** Columns that say nothing to the reader (technical ids, versions, bookkeeping). */
const HIDDEN = /^(id|organisationId|personId|version|createdAt|updatedAt|createdBy|.*Id|at|deletedAt)$/;

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  // A calendar day is shown the Belgian way; text that only looks like one ('2024-02-30' typed in
  // a note) stays as typed.
  if (typeof value === 'string') return isIsoDate(value) ? frenchDate(value) : value;
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v) ?? '').join(', ') : null;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Row)
      .map(([k, v]) => (show(v) === null ? null : `${LABELS[k] ?? k} : ${show(v)}`))
      .filter(Boolean);
    return parts.length ? parts.join(' ; ') : null;
  }
  return String(value);
}

function line(row: Row): string {
  return Object.entries(row)
    .filter(([k]) => !HIDDEN.test(k))
    .map(([k, v]) => {
      const shown = show(v);
      return shown === null ? null : `${LABELS[k] ?? k} : ${shown}`;
    })
    .filter(Boolean)
    .join(' ; ');
}

function section(title: string, rows: Row[]): string[] {
  const out = ['', `# ${title}`];
  if (rows.length === 0) out.push('Aucun élément.');
  for (const row of rows) out.push(`- ${line(row)}`);
  return out;
}

/** The export as a readable French PDF (same content as the JSON, for the person to read). */
export function renderExportPdf(data: PersonExport): Promise<Buffer> {
  const p = data.person;
  const lines = [
    `# Données détenues sur ${String(p.firstName)} ${String(p.lastName)}`,
    `Organisation : ${data.organisation.name}. Document établi le ${frenchDate(data.exportedAt.slice(0, 10))} (droit d’accès, article 15 du RGPD).`,
    '',
    '# Identité, situation et accueil',
    ...Object.entries(p)
      .filter(([k]) => !HIDDEN.test(k))
      .map(([k, v]) => {
        const shown = show(v);
        return shown === null ? null : `- ${LABELS[k] ?? k} : ${shown}`;
      })
      .filter((l): l is string => l !== null),
    ...section('Évaluations de coachabilité', data.assessments),
    ...section('Parcours (changements de phase)', data.trajectoryEvents),
    ...section('Contacts', data.contacts),
    ...section('Emplois encodés', data.employmentPeriods),
    ...section('Documents produits', data.documents),
    ...section('Contacts planifiés', data.plannedContacts),
    ...section(
      'Candidatures présentées',
      data.presentations.map(({ steps, ...rest }) => ({
        ...rest,
        étapes: (steps as Row[]).map((s) => line(s)).join(' | '),
      })),
    ),
    ...section('Contrats', data.contracts),
    ...section('Contacts avec des employeurs à son sujet', data.employerContacts),
    ...section('Consentements', data.consents),
    ...section('Transmissions à des partenaires', data.handoffs),
    ...section(
      'Destinataires des données',
      data.recipients.map((r) => ({
        destinataire: `${r.kind === 'partner' ? 'partenaire' : 'employeur'} ${r.name}`,
        date: r.on,
        objet: r.what,
      })),
    ),
    ...section(
      'Consultations du dossier',
      data.accessLog.map((a) => ({
        quand: a.at.replace('T', ' ').slice(0, 16),
        qui: a.actorName,
        action: a.action === 'read' ? 'consultation' : `export ${a.document ?? ''}`.trim(),
      })),
    ),
  ];
  return renderTextPdf(lines.join('\n'), {
    title: 'Données personnelles détenues',
    author: data.organisation.name,
  });
}
