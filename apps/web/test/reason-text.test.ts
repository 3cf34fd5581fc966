import type { MatchReasonAnswer } from '@jobcoach/contract';
import {
  assessMatch,
  MATCH_REASON_KEYS,
  type MatchingPerson,
  type MatchingVacancy,
  type MatchReasonKey,
} from '@jobcoach/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogs, FORMAT_LOCALES, LOCALES, type Locale } from '../src/i18n/catalogs.ts';
import type { Translate } from '../src/i18n/index.ts';
import { matchReasonText } from '../src/matching/reason-text.ts';

/** The catalog's translate function, as react-intl gives it to the screens. */
function translator(locale: Locale): Translate {
  return (id, values) => {
    const text = new IntlMessageFormat(catalogs[locale][id], FORMAT_LOCALES[locale]).format(values);
    if (typeof text !== 'string') throw new Error(`${id} did not format to text`);
    return text;
  };
}

const french = (reason: MatchReasonAnswer) => matchReasonText(reason, translator('fr'), 'fr');

/** One reason of each wording, with the values the domain gives it. */
const SAMPLES: Record<MatchReasonKey, MatchReasonAnswer['params']> = {
  'basis.objectified': undefined,
  'basis.published': undefined,
  cdi_only: { contract: 'cdd', months: 6 },
  'contract.cdi': undefined,
  'contract.cddLong': { months: 12 },
  'contract.cddShort': { months: 3 },
  'contract.cddUnknown': undefined,
  'contract.interim': undefined,
  'contract.other': undefined,
  'hours.veryFew': { hours: 10 },
  'hours.smallPartTime': { hours: 16 },
  'hours.partTime': { hours: 24.5 },
  'hours.fullTime': { hours: 38 },
  quality_note: { note: 'Salaire au barème' },
  'driving_licence.missing': undefined,
  'driving_licence.unknown': undefined,
  'car.missing': undefined,
  'car.unknown': undefined,
  'schedule.night': { because: 'childcare' },
  'schedule.evening': { because: 'availability' },
  'schedule.weekend': { because: 'availability' },
  'schedule.shifts': { because: 'childcare' },
  'schedule_days.weekdaysOnly': undefined,
  'schedule_days.weekendOnly': undefined,
  'schedule_days.tooFew': { hours: 38, needed: 5, days: 3 },
  'physical.heavy_loads': undefined,
  'physical.long_standing': undefined,
  'physical.repetitive_motion': undefined,
  'physical.work_at_height': undefined,
  'physical.cold_heat': undefined,
  'physical.outdoor': undefined,
  'physical.kneeling': undefined,
  'physical.fine_motor': undefined,
  'physical.night_work': undefined,
  'physical.driving': undefined,
  'physical.restricted': undefined,
  physical_note: { note: 'Dos fragile' },
  'physical_note.restricted': undefined,
  'language.notRecorded': { language: 'nl', asked: [['understand', 'basic']] },
  'language.notSpoken': { language: 'nl', asked: [['understand', 'basic']] },
  'language.short': { language: 'de', asked: [['speak', 'fluent']], short: [['speak', 'none']] },
  'language.toCheck': { language: 'nl', asked: [['speak', 'fluent']], unknown: ['speak'] },
  'language.met': { language: 'de', asked: [['read', 'basic']] },
  wished_job: { job: 'magasinier' },
  'wished_sector.section': { section: 'H' },
  'wished_sector.text': { sector: 'logistique' },
  wishes_not_met: undefined,
  'travel.unknown': undefined,
  'travel.estimate': { minutes: 26, km: 11 },
  'travel.within': { minutes: 10, sameCommune: true, max: 45 },
  'travel.over': { minutes: 70, km: 48, max: 45 },
  'mobility.none': undefined,
  'mobility.offHours': { schedules: ['night', 'weekend'] },
  'diploma.notRecorded': { diploma: 'cess' },
  'diploma.short': { diploma: 'cess', studies: 'ceb' },
  'diploma.met': { diploma: 'cesi' },
  'experience.none': undefined,
  'experience.years': { years: 2 },
};

const sample = (key: MatchReasonKey): MatchReasonAnswer => {
  const params = SAMPLES[key];
  const code = key.split('.')[0] as MatchReasonAnswer['code'];
  return params === undefined
    ? { kind: 'info', code, key, points: 0 }
    : { kind: 'info', code, key, params, points: 0 };
};

describe('matching reasons worded from the message catalogs', () => {
  it('words every reason in every language, each value in its place', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      const texts = new Set<string>();
      for (const key of MATCH_REASON_KEYS) {
        const text = matchReasonText(sample(key), t, locale);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|undefined|NaN/);
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        texts.add(text);
      }
      // No two wordings read the same (the samples' values differ where two sentences do not).
      expect(texts.size, locale).toBe(MATCH_REASON_KEYS.length);
    }
  });

  it('reads in French as the coach has always read it', () => {
    const expected: Partial<Record<MatchReasonKey, string>> = {
      cdi_only: "La personne ne peut accepter qu'un CDI, l'offre propose un CDD de 6 mois",
      'schedule.night': 'Horaires de nuit incompatibles avec la garde des enfants',
      'schedule.evening': 'Horaires du soir incompatibles avec les disponibilités de la personne',
      'schedule_days.tooFew':
        '38 h par semaine demandent au moins 5 jours, la personne est disponible 3 jours',
      'hours.veryFew':
        "Très peu d'heures (10 h par semaine) : revenu faible, vérifier l'effet sur les allocations",
      'hours.partTime': 'Temps partiel (24,5 h par semaine)',
      physical_note: 'Limites de santé à vérifier : Dos fragile',
      'language.short': 'Allemand demandé : parler (couramment), la personne : parler : pas du tout',
      'language.toCheck':
        'Néerlandais demandé : parler (couramment) : niveau de la personne à vérifier (parler)',
      'language.met': 'Allemand demandé : lire (notions) : niveau suffisant',
      'wished_sector.section': 'Secteur souhaité par la personne : Transports et entreposage',
      'travel.estimate': "Trajet estimé : environ 26 min (11 km à vol d'oiseau)",
      'travel.within':
        'Trajet estimé : environ 10 min (dans la commune de la personne), dans la limite de 45 min acceptée',
      'travel.over':
        "Trajet estimé : environ 70 min (48 km à vol d'oiseau), au-delà des 45 min acceptées par la personne",
      'mobility.offHours':
        "Horaires (nuit, week-end) : vérifier les transports en commun, la personne n'a pas de voiture",
      'diploma.short': 'Diplôme demandé : CESS, la personne a le CEB',
      'experience.years': "Expérience demandée : 2 ans (à discuter avec l'employeur)",
    };
    for (const [key, text] of Object.entries(expected))
      expect(french(sample(key as MatchReasonKey))).toBe(text);
  });

  it('words what the domain decides: a German offer for a person who only reads German', () => {
    const person: MatchingPerson = {
      drivingLicence: true,
      hasCar: true,
      publicTransport: true,
      maxTravelMinutes: 45,
      commune: 'Verviers',
      languages: [{ code: 'de', understand: 'basic', speak: 'none', read: 'good', write: 'none' }],
      scheduleDays: [],
      scheduleLimits: [],
      physicalLimits: [],
      singleParent: null,
      childrenCount: null,
      wishedSectors: [],
      wishedJobs: [],
      studies: 'ceb',
      cdiOnly: false,
      hiringAids: [],
    };
    const published = {
      text: '',
      diplomaLevel: null,
      languages: [{ code: 'de', speak: 'fluent' as const }],
      drivingLicence: false,
      car: false,
      experienceYears: 1,
    };
    const vacancy: MatchingVacancy = {
      title: 'Magasinier',
      sectorCode: null,
      contract: { type: 'cdd', months: 3 },
      hoursPerWeek: 19.5,
      schedule: ['day'],
      commune: 'Eupen',
      published,
      objectified: null,
      physicalDemands: [],
    };
    const { reasons } = assessMatch(person, vacancy);
    const t = translator('de');
    expect(matchReasonText(sample('wished_sector.section'), t, 'de')).toBe(
      'Von der Person gewünschter Sektor: Verkehr und Lagerei',
    );
    expect(reasons.map((r) => matchReasonText(r, t, 'de'))).toEqual(
      expect.arrayContaining([
        'Deutsch verlangt: Sprechen (Fließend), die Person: Sprechen: Gar nicht',
        'Kurzer befristeter Vertrag (3 Monate)',
        'Teilzeit (19,5 Std. pro Woche)',
        'Erfahrung verlangt: 1 Jahr (mit dem Arbeitgeber zu besprechen)',
      ]),
    );
    expect(reasons.map(french)).toEqual(
      expect.arrayContaining([
        'Allemand demandé : parler (couramment), la personne : parler : pas du tout',
        'CDD court (3 mois)',
        "Expérience demandée : 1 an (à discuter avec l'employeur)",
      ]),
    );
  });
});
