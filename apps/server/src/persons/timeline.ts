import type {
  TimelineEntryInput as TimelineEntry,
  TimelineEntry as TimelineOutput,
  TimelineParams,
} from '@jobcoach/contract';
import {
  COACHABILITY_CONDITION_LABELS,
  COACHABILITY_CONDITIONS,
  COACHABILITY_DECISION_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_PURPOSE_LABELS,
  CONTINUING_END_REASONS,
  CONTRACT_END_REASON_LABELS,
  CONTRACT_KIND_LABELS,
  CONTRACT_TYPE_SHORT_LABELS,
  type CoachabilityDecision,
  type ContractKind,
  cancelLastStep,
  DEFAULT_CDD_ALERT_DAYS,
  EXIT_REASON_LABELS,
  type ExitReason,
  findTransition,
  INTRODUCTION_CHANNEL_LABELS,
  type IntroductionChannel,
  moveCancellationRefusal,
  PHASE_LABELS,
  type Phase,
  PRESENTATION_STEP_LABELS,
  type PresentationStep,
  RETURN_REASON_LABELS,
  type ReturnReason,
} from '@jobcoach/domain';
import { UUID_PATTERN } from '../application/uuid.ts';
import { contactStatus, type PersonContactRow } from '../contacts/queries.ts';
import { type ContractLine, toContractView } from '../contracts/queries.ts';
import { frenchDate, loggedMove } from './common.ts';
import type { PersonRow } from './queries.ts';

/** What the timeline is made of, as loaded from the database. */
export interface TimelineSources {
  person: PersonRow;
  creatorName: string | null;
  partnerName: string | null;
  assessments: {
    id: string;
    assessed_on: string;
    created_at: Date;
    decision: string;
    review_date: string | null;
    redirect_partner_id: string | null;
    reason: string | null;
    conditions: Record<string, { met: boolean; comment: string | null }>;
    partner_name: string | null;
    assessor_name: string | null;
  }[];
  /** The contacts about the person (contacts/queries.ts contactsOfPerson). */
  contacts: (Omit<PersonContactRow, 'notes'> & { notes: string | null })[];
  events: {
    id: string;
    date: string;
    at: Date;
    transition_id: string;
    from_phase: string;
    to_phase: string;
    reason: string | null;
    detail: string | null;
    fields: Record<string, unknown>;
    actor_id: string | null;
    cancelled_at: Date | null;
    cancellation_reason: string | null;
    actor_name: string | null;
  }[];
  documents: { id: string; kind: string; dated_on: string; created_at: Date; author_name: string | null }[];
  /** The person's contracts (contracts/queries.ts). */
  contracts: ContractLine[];
  presentationSteps: {
    id: string;
    step: string;
    date: string;
    at: Date;
    reason: string | null;
    channel: string | null;
    presentation_id: string;
    author_id: string | null;
    cancelled_at: Date | null;
    cancellation_reason: string | null;
    presentation_version: number;
    vacancy_title: string;
    employer_name: string;
    author_name: string | null;
  }[];
}

/** Entries written at the same instant: the phase change (the consequence) shows on top. */
const TIE_ORDER: Record<TimelineEntry['type'], number> = {
  transition: 0,
  document: 1,
  contract: 1,
  presentation: 2,
  contact: 3,
  assessment: 4,
  intake: 5,
};

const DOCUMENT_TITLES: Record<string, string> = {
  trust_contract: 'Contrat de confiance signé',
  end_letter: 'Lettre de fin d’accompagnement',
};

const iso = (d: Date | string) => new Date(d).toISOString();
const joined = (parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' — ') || null;

function contactEntry(c: TimelineSources['contacts'][number]): TimelineEntry {
  const channel = CONTACT_CHANNEL_LABELS[c.channel];
  const withWhom = [
    c.present ? 'avec la personne' : null,
    c.employer_name ? `avec l’employeur ${c.employer_name}` : null,
    c.counterpart ? `avec ${c.counterpart}` : null,
  ].filter(Boolean);
  const status = contactStatus(c);
  return {
    id: `contact:${c.id}`,
    date: c.date,
    at: iso(c.created_at),
    type: 'contact',
    code: 'contact',
    params: {
      channel: c.channel,
      present: c.present,
      employerName: c.employer_name ?? null,
      counterpart: c.counterpart ?? null,
      durationMinutes: c.duration_minutes ?? null,
      purpose: c.purpose ?? null,
      discreetConfirmed: Boolean(c.discreet_confirmed),
      confidential: Boolean(c.confidential),
      notesWithheld: Boolean(c.confidential) && c.notes === null,
      notes: c.notes,
      nextPlannedOn: c.next_planned_on ?? null,
    },
    title: `${channel}${withWhom.length > 0 ? ` ${withWhom.join(', ')}` : ''}${c.present ? '' : ' (à son sujet)'}`,
    detail: joined([
      c.duration_minutes ? `${c.duration_minutes} min` : null,
      c.purpose ? `Objet : ${CONTACT_PURPOSE_LABELS[c.purpose]}` : null,
      c.discreet_confirmed ? 'Suivi discret : contact confirmé par le jobcoach' : null,
      c.confidential
        ? c.notes === null
          ? 'Note confidentielle (accès restreint)'
          : 'Note confidentielle'
        : null,
      c.notes,
      c.next_planned_on ? `Prochain contact prévu le ${frenchDate(c.next_planned_on)}` : null,
    ]),
    authorName: c.author_name,
    status,
    statusReason:
      status === 'cancelled' ? c.cancellation_reason : status === 'corrected' ? c.correction_reason : null,
    entity: { kind: 'contact', id: c.id, version: c.version, authorId: c.author_id },
  };
}

/** A move's parameters: phases, reason and contract as codes and ISO dates, the free texts as they are. */
function transitionParams(e: TimelineSources['events'][number]): TimelineParams {
  const f = e.fields;
  const contract = e.transition_id === 'start_follow_up' && typeof f.contractKind === 'string';
  return {
    transitionId: e.transition_id,
    fromPhase: e.from_phase,
    toPhase: e.to_phase,
    exitReason: e.transition_id === 'exit' ? e.reason : null,
    returnReason: e.transition_id === 'return_to_pre_hire' ? e.reason : null,
    contractKind: contract ? String(f.contractKind) : null,
    contractStart: contract && typeof f.contractStart === 'string' ? f.contractStart : null,
    contractEnd: contract && typeof f.contractEnd === 'string' && f.contractEnd ? f.contractEnd : null,
    employerName:
      e.transition_id === 'start_hiring' &&
      typeof f.employerId === 'string' &&
      !UUID_PATTERN.test(f.employerId)
        ? f.employerId
        : null,
    detail: e.detail,
  };
}

function transitionDetail(e: TimelineSources['events'][number]): string | null {
  const f = e.fields;
  const reasonLabel =
    e.transition_id === 'exit'
      ? EXIT_REASON_LABELS[e.reason as ExitReason]
      : e.transition_id === 'return_to_pre_hire'
        ? RETURN_REASON_LABELS[e.reason as ReturnReason]
        : null;
  const contract =
    e.transition_id === 'start_follow_up' && typeof f.contractKind === 'string'
      ? `${CONTRACT_KIND_LABELS[f.contractKind as ContractKind] ?? f.contractKind} à partir du ${frenchDate(String(f.contractStart))}${
          typeof f.contractEnd === 'string' && f.contractEnd ? ` jusqu’au ${frenchDate(f.contractEnd)}` : ''
        }`
      : null;
  // An employer chosen in the registry is an id: the event's detail names it instead.
  const employer =
    e.transition_id === 'start_hiring' && typeof f.employerId === 'string' && !UUID_PATTERN.test(f.employerId)
      ? `Employeur : ${f.employerId}`
      : null;
  return joined([
    `${PHASE_LABELS[e.from_phase as Phase]} → ${PHASE_LABELS[e.to_phase as Phase]}`,
    reasonLabel ? `Motif : ${reasonLabel}` : null,
    contract,
    employer,
    e.detail,
  ]);
}

function assessmentDetail(a: TimelineSources['assessments'][number]): string | null {
  const unmet = COACHABILITY_CONDITIONS.filter((c) => a.conditions[c]?.met === false).map(
    (c) => COACHABILITY_CONDITION_LABELS[c],
  );
  return joined([
    a.review_date ? `Réexamen le ${frenchDate(a.review_date)}` : null,
    a.partner_name ? `Réorientée vers ${a.partner_name}` : null,
    a.reason,
    unmet.length > 0 ? `Conditions non remplies : ${unmet.join(' ; ')}` : null,
  ]);
}

function intakeEntries(s: TimelineSources): TimelineEntry[] {
  const p = s.person;
  const at = iso(p.created_at);
  const origin =
    p.referral_kind === 'partner'
      ? `Orientation reçue${s.partnerName ? ` de ${s.partnerName}` : ''}`
      : p.referral_kind === 'spontaneous'
        ? 'Arrivée spontanée'
        : 'Arrivée par le bouche-à-oreille';
  const entries: TimelineEntry[] = [
    {
      id: `intake:${p.id}:referral`,
      date: p.referral_received_on,
      at,
      type: 'intake',
      code: 'intake.referral',
      params: { referralKind: p.referral_kind, partnerName: s.partnerName },
      title: origin,
      detail: null,
      authorName: s.creatorName,
    },
  ];
  if (p.information_session_on) {
    entries.push({
      id: `intake:${p.id}:information`,
      date: p.information_session_on,
      at,
      type: 'intake',
      code: 'intake.information',
      params: {},
      title: 'Séance d’information sur le jobcoaching',
      detail: null,
      authorName: null,
    });
  }
  if (p.consent_on) {
    entries.push({
      id: `intake:${p.id}:consent`,
      date: p.consent_on,
      at,
      type: 'intake',
      code: 'intake.consent',
      params: { scope: p.consent_scope },
      title: 'Consentement au traitement des données',
      detail: p.consent_scope,
      authorName: null,
    });
  }
  return entries;
}

/** A contract's entries: signed (or continuing another), and ended, converted or renewed. */
function contractEntries(l: ContractLine): TimelineEntry[] {
  // Only the recorded facts are used here (the day the view is read on does not matter).
  const view = toContractView(l, l.signed_on, DEFAULT_CDD_ALERT_DAYS, 'follow_up');
  const short = CONTRACT_TYPE_SHORT_LABELS[view.type];
  const where = `« ${view.jobTitle} » chez ${view.employerName}`;
  const entries: TimelineEntry[] = [
    {
      id: `contract:${l.id}:signed`,
      date: view.signedOn,
      at: iso(l.created_at),
      type: 'contract',
      code: 'contract.signed',
      params: {
        contractType: view.type,
        continuing: view.convertedFromContractId !== null && view.convertedFromContractId !== undefined,
        jobTitle: view.jobTitle,
        employerName: view.employerName,
        start: view.start,
        plannedEnd: view.plannedEnd,
        hoursPerWeek: view.hoursPerWeek,
        hiringAids: view.hiringAids.map((a) => a.code),
        discreet: Boolean(view.arrangement?.discreet),
      },
      title: view.convertedFromContractId
        ? `${short} signé (suite d’un contrat) : ${where}`
        : `Contrat signé : ${short} ${where}`,
      detail: joined([
        view.plannedEnd
          ? `Du ${frenchDate(view.start)} au ${frenchDate(view.plannedEnd)} (fin prévue)`
          : `À partir du ${frenchDate(view.start)}`,
        view.hoursPerWeek !== null ? `${String(view.hoursPerWeek).replace('.', ',')} h par semaine` : null,
        view.hiringAids.length > 0 ? `Aides : ${view.hiringAids.map((a) => a.label).join(', ')}` : null,
        view.arrangement?.discreet ? 'Suivi discret : l’employeur n’est pas informé' : null,
      ]),
      authorName: l.author_name,
      ...(l.cancelled_at
        ? { status: 'cancelled' as const, statusReason: l.cancellation_reason }
        : l.corrected_at
          ? { status: 'corrected' as const, statusReason: l.correction_reason }
          : {}),
    },
  ];
  if (view.actualEnd && view.endReason) {
    const continuing = CONTINUING_END_REASONS.includes(view.endReason);
    entries.push({
      id: `contract:${l.id}:ended`,
      date: view.actualEnd,
      at: iso(l.updated_at),
      type: 'contract',
      code: 'contract.ended',
      params: {
        contractType: view.type,
        endReason: view.endReason,
        jobTitle: view.jobTitle,
        employerName: view.employerName,
        actualEnd: view.actualEnd,
        endDetail: view.endDetail,
      },
      title: continuing
        ? `${short} ${view.endReason === 'converted_to_cdi' ? 'converti en CDI' : 'renouvelé'} : ${where}`
        : `Fin du contrat (${CONTRACT_END_REASON_LABELS[view.endReason]}) : ${short} ${where}`,
      detail: joined([`Dernier jour sous ce contrat : ${frenchDate(view.actualEnd)}`, view.endDetail]),
      authorName: null,
      ...(l.cancelled_at ? { status: 'cancelled' as const, statusReason: l.cancellation_reason } : {}),
    });
  }
  return entries;
}

/** One timeline of intake, assessments, phase changes, contacts and documents, newest first. */
export function buildTimeline(s: TimelineSources): TimelineOutput[] {
  const moves = s.events.filter((e) => e.cancelled_at === null).map(loggedMove);
  const stepsByPresentation = new Map<string, { id: string; step: PresentationStep }[]>();
  for (const step of s.presentationSteps) {
    if (step.cancelled_at !== null) continue;
    const list = stepsByPresentation.get(step.presentation_id) ?? [];
    list.push({ id: step.id, step: step.step as PresentationStep });
    stepsByPresentation.set(step.presentation_id, list);
  }
  const cancellableSteps = new Set(
    [...stepsByPresentation.values()].flatMap((list) => {
      const last = list.at(-1);
      return last && cancelLastStep(list, last.id).ok ? [last.id] : [];
    }),
  );
  const last = moves.at(-1);
  const cancellable = last && moveCancellationRefusal(moves, last.id) === null ? last.id : null;
  const entries: TimelineEntry[] = [
    ...intakeEntries(s),
    ...s.assessments.map(
      (a): TimelineEntry => ({
        id: `assessment:${a.id}`,
        date: a.assessed_on,
        at: iso(a.created_at),
        type: 'assessment',
        code: 'assessment',
        params: {
          decision: a.decision,
          reviewDate: a.review_date,
          partnerName: a.partner_name,
          reason: a.reason,
          unmetConditions: COACHABILITY_CONDITIONS.filter((c) => a.conditions[c]?.met === false),
        },
        title: `Évaluation de la coachabilité : ${COACHABILITY_DECISION_LABELS[a.decision as CoachabilityDecision]}`,
        detail: assessmentDetail(a),
        authorName: a.assessor_name,
      }),
    ),
    ...s.events.map(
      (e): TimelineEntry => ({
        id: `transition:${e.id}`,
        date: e.date,
        at: iso(e.at),
        type: 'transition',
        code: 'transition',
        params: transitionParams(e),
        title: findTransition(e.transition_id)?.label ?? e.transition_id,
        detail: transitionDetail(e),
        authorName: e.actor_name,
        ...(e.cancelled_at ? { status: 'cancelled' as const, statusReason: e.cancellation_reason } : {}),
        // The last move that may be cancelled (domain moveCancellationRefusal) offers « Annuler ce changement ».
        ...(e.id === cancellable
          ? { entity: { kind: 'transition' as const, id: e.id, version: null, authorId: e.actor_id } }
          : {}),
      }),
    ),
    ...s.contacts.map(contactEntry),
    ...s.presentationSteps.map(
      (step): TimelineEntry => ({
        id: `presentation:${step.id}`,
        date: step.date,
        at: iso(step.at),
        type: 'presentation',
        code: 'presentation',
        params: {
          vacancyTitle: step.vacancy_title,
          employerName: step.employer_name,
          step: step.step,
          channel: step.channel,
          reason: step.reason,
        },
        title: `Candidature « ${step.vacancy_title} » (${step.employer_name}) : ${
          PRESENTATION_STEP_LABELS[step.step as PresentationStep] ?? step.step
        }`,
        detail: joined([
          step.channel
            ? (INTRODUCTION_CHANNEL_LABELS[step.channel as IntroductionChannel] ?? step.channel)
            : null,
          step.reason,
        ]),
        authorName: step.author_name,
        ...(step.cancelled_at
          ? { status: 'cancelled' as const, statusReason: step.cancellation_reason }
          : {}),
        // The last step of its presentation that may be cancelled (domain cancelLastStep).
        ...(cancellableSteps.has(step.id)
          ? {
              entity: {
                kind: 'presentation_step' as const,
                id: step.id,
                version: step.presentation_version,
                authorId: step.author_id,
                parentId: step.presentation_id,
              },
            }
          : {}),
      }),
    ),
    ...s.documents.map(
      (d): TimelineEntry => ({
        id: `document:${d.id}`,
        date: d.dated_on,
        at: iso(d.created_at),
        type: 'document',
        code: 'document',
        params: { documentKind: d.kind, datedOn: d.dated_on },
        title: DOCUMENT_TITLES[d.kind] ?? d.kind,
        detail:
          d.kind === 'end_letter'
            ? 'Insertion consolidée : fin du suivi. La lettre dit à la personne que son jobcoach reste disponible à long terme.'
            : `Signé le ${frenchDate(d.dated_on)}`,
        authorName: d.author_name,
      }),
    ),
    ...s.contracts.flatMap(contractEntries),
  ];
  return entries
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        b.at.localeCompare(a.at) ||
        TIE_ORDER[a.type] - TIE_ORDER[b.type] ||
        a.id.localeCompare(b.id),
    )
    .map((e) => ({
      ...e,
      status: e.status ?? 'recorded',
      statusReason: e.statusReason ?? null,
      entity: e.entity ?? null,
    }));
}
