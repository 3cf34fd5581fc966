import type { TimelineEntry } from '@jobcoach/contract';
import { formatDay } from '../i18n/dates.ts';
import { french, type MessageId, type Translate } from '../i18n/index.ts';

// A timeline entry worded in the interface's language from the code and parameters the server
// sends (ISO dates, enum codes, names and free texts as they are). The server's French title and
// detail remain the fallback for a code this version does not know.

type Params = TimelineEntry['params'];

const known = (id: string): id is MessageId => Object.hasOwn(french, id);

const str = (params: Params, name: string): string | null => {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : null;
};
const num = (params: Params, name: string): number | null => {
  const value = params[name];
  return typeof value === 'number' ? value : null;
};
const list = (params: Params, name: string): string[] => {
  const value = params[name];
  return Array.isArray(value) ? value : [];
};
const joined = (parts: (string | null | false | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' — ') || null;

/** The catalog's label of a code (`channel.phone`), the code itself when unknown. */
function label(t: Translate, family: string, code: string | null): string {
  if (code === null) return '';
  const id = `${family}.${code}`;
  return known(id) ? t(id) : code;
}

export type EntryText = { title: string; detail: string | null };

function contactText(p: Params, t: Translate): EntryText {
  const present = p.present === true;
  const employer = str(p, 'employerName');
  const counterpart = str(p, 'counterpart');
  const withWhom = [
    present ? t('timeline.text.contact.withPerson') : null,
    employer ? t('timeline.text.contact.withEmployer', { name: employer }) : null,
    counterpart ? t('timeline.text.contact.with', { name: counterpart }) : null,
  ].filter((w): w is string => w !== null);
  const channel = label(t, 'channel', str(p, 'channel'));
  const title = [channel, withWhom.join(', '), present ? null : t('timeline.text.contact.about')]
    .filter((part) => part)
    .join(' ');
  const minutes = num(p, 'durationMinutes');
  const purpose = str(p, 'purpose');
  const next = str(p, 'nextPlannedOn');
  return {
    title,
    detail: joined([
      minutes ? t('timeline.text.contact.minutes', { minutes }) : null,
      purpose ? t('timeline.text.contact.purpose', { purpose: label(t, 'employerPurpose', purpose) }) : null,
      p.discreetConfirmed === true ? t('timeline.text.contact.discreet') : null,
      p.confidential === true
        ? t(
            p.notesWithheld === true
              ? 'timeline.text.contact.confidentialWithheld'
              : 'timeline.text.contact.confidential',
          )
        : null,
      str(p, 'notes'),
      next ? t('timeline.text.contact.next', { date: formatDay(next) }) : null,
    ]),
  };
}

function transitionText(p: Params, t: Translate): EntryText {
  const exit = str(p, 'exitReason');
  const back = str(p, 'returnReason');
  const kind = str(p, 'contractKind');
  const start = str(p, 'contractStart');
  const end = str(p, 'contractEnd');
  const employer = str(p, 'employerName');
  const contract =
    kind && start
      ? end
        ? t('timeline.text.transition.contractFromTo', {
            kind: label(t, 'contractKind', kind),
            start: formatDay(start),
            end: formatDay(end),
          })
        : t('timeline.text.transition.contractFrom', {
            kind: label(t, 'contractKind', kind),
            start: formatDay(start),
          })
      : null;
  return {
    title: label(t, 'transition', str(p, 'transitionId')),
    detail: joined([
      `${label(t, 'phase', str(p, 'fromPhase'))} → ${label(t, 'phase', str(p, 'toPhase'))}`,
      exit ? t('timeline.text.reason', { reason: label(t, 'exitReason', exit) }) : null,
      back ? t('timeline.text.reason', { reason: label(t, 'returnReason', back) }) : null,
      contract,
      employer ? t('timeline.text.employer', { name: employer }) : null,
      str(p, 'detail'),
    ]),
  };
}

function assessmentText(p: Params, t: Translate): EntryText {
  const review = str(p, 'reviewDate');
  const partner = str(p, 'partnerName');
  const unmet = list(p, 'unmetConditions').map((c) => label(t, 'condition', c));
  return {
    title: t('timeline.text.assessment.title', { decision: label(t, 'decision', str(p, 'decision')) }),
    detail: joined([
      review ? t('timeline.text.assessment.review', { date: formatDay(review) }) : null,
      partner ? t('timeline.text.assessment.redirected', { partner }) : null,
      str(p, 'reason'),
      unmet.length > 0 ? t('timeline.text.assessment.unmet', { conditions: unmet.join(' ; ') }) : null,
    ]),
  };
}

function referralTitle(p: Params, t: Translate): string {
  const partner = str(p, 'partnerName');
  switch (str(p, 'referralKind')) {
    case 'partner':
      return partner
        ? t('timeline.text.intake.referralFrom', { partner })
        : t('timeline.text.intake.referral');
    case 'spontaneous':
      return t('timeline.text.intake.spontaneous');
    default:
      return t('timeline.text.intake.wordOfMouth');
  }
}

function contractText(code: 'contract.signed' | 'contract.ended', p: Params, t: Translate): EntryText {
  const where = {
    type: label(t, 'contracts.type', str(p, 'contractType')),
    job: str(p, 'jobTitle') ?? '',
    employer: str(p, 'employerName') ?? '',
  };
  if (code === 'contract.signed') {
    const start = str(p, 'start');
    const plannedEnd = str(p, 'plannedEnd');
    const hours = num(p, 'hoursPerWeek');
    const aids = list(p, 'hiringAids').map((a) => label(t, 'hiringAid', a));
    return {
      title: t(
        p.continuing === true ? 'timeline.text.contract.signedContinuing' : 'timeline.text.contract.signed',
        where,
      ),
      detail: joined([
        plannedEnd
          ? t('timeline.text.contract.period', { start: formatDay(start), end: formatDay(plannedEnd) })
          : t('timeline.text.contract.from', { start: formatDay(start) }),
        hours !== null ? t('timeline.text.contract.hours', { hours }) : null,
        aids.length > 0 ? t('timeline.text.contract.aids', { aids: aids.join(', ') }) : null,
        p.discreet === true ? t('timeline.text.contract.discreet') : null,
      ]),
    };
  }
  const reason = str(p, 'endReason');
  const title =
    reason === 'converted_to_cdi'
      ? t('timeline.text.contract.converted', where)
      : reason === 'renewed'
        ? t('timeline.text.contract.renewed', where)
        : t('timeline.text.contract.ended', { ...where, reason: label(t, 'contracts.endReason', reason) });
  return {
    title,
    detail: joined([
      t('timeline.text.contract.lastDay', { date: formatDay(str(p, 'actualEnd')) }),
      str(p, 'endDetail'),
    ]),
  };
}

/** The entry's title and detail in the interface's language; the server's French for an unknown code. */
export function entryText(entry: TimelineEntry, t: Translate): EntryText {
  const p = entry.params ?? {};
  switch (entry.code) {
    case 'contact':
      return contactText(p, t);
    case 'transition':
      return transitionText(p, t);
    case 'assessment':
      return assessmentText(p, t);
    case 'intake.referral':
      return { title: referralTitle(p, t), detail: null };
    case 'intake.information':
      return { title: t('timeline.text.intake.information'), detail: null };
    case 'intake.consent':
      return { title: t('timeline.text.intake.consent'), detail: str(p, 'scope') };
    case 'presentation': {
      const channel = str(p, 'channel');
      return {
        title: t('timeline.text.presentation.title', {
          vacancy: str(p, 'vacancyTitle') ?? '',
          employer: str(p, 'employerName') ?? '',
          step: label(t, 'presentationStep', str(p, 'step')),
        }),
        detail: joined([channel ? label(t, 'introChannel', channel) : null, str(p, 'reason')]),
      };
    }
    case 'document': {
      const kind = str(p, 'documentKind');
      const id = `timeline.text.document.${kind}`;
      if (!known(id)) break;
      return {
        title: t(id),
        detail:
          kind === 'end_letter'
            ? t('timeline.text.document.endLetterDetail')
            : t('timeline.text.document.signedOn', { date: formatDay(str(p, 'datedOn')) }),
      };
    }
    case 'contract.signed':
    case 'contract.ended':
      return contractText(entry.code, p, t);
  }
  return { title: entry.title, detail: entry.detail };
}
