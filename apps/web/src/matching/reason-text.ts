import type { MatchReasonAnswer } from '@jobcoach/contract';
import type { Locale, MessageValues, Translate } from '../i18n/index.ts';
import { languageLabel } from '../vacancies/languages.ts';

// A matching reason as the server sends it (a key and the values it names) worded from the message
// catalog: `matchReason.<key>`. The values that are codes of the domain's lists are worded here
// first (a language, its skills and levels, schedules, a NACE section, the diploma asked); numbers and the
// coach's or the person's own words go to the message as they are.

/** Labels inside a sentence start lower case, except in German, where nouns keep their capital. */
function inSentence(label: string, locale: Locale): string {
  return locale === 'de' ? label : label.toLocaleLowerCase(locale);
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

type SkillAndLevel = NonNullable<NonNullable<MatchReasonAnswer['params']>['asked']>[number];

function skills(
  list: readonly SkillAndLevel[],
  id: 'matching.skillAsked' | 'matching.skillHas',
  t: Translate,
  locale: Locale,
) {
  return list
    .map(([skill, level]) =>
      t(id, {
        skill: inSentence(t(`languageSkill.${skill}`), locale),
        level: inSentence(t(`skillLevel.${level}`), locale),
      }),
    )
    .join(', ');
}

/** The values of a reason's message: the params, with every code worded in the reader's language. */
function values(
  params: NonNullable<MatchReasonAnswer['params']>,
  t: Translate,
  locale: Locale,
): MessageValues {
  const { asked, short, unknown, language, section, sameCommune, schedules, diploma, contract, ...plain } =
    params;
  const out: MessageValues = {};
  for (const [name, value] of Object.entries(plain)) if (value !== undefined) out[name] = value;
  if (language !== undefined) out.language = capitalized(languageLabel(language, t));
  if (asked !== undefined) out.asked = skills(asked, 'matching.skillAsked', t, locale);
  if (short !== undefined) out.short = skills(short, 'matching.skillHas', t, locale);
  if (unknown !== undefined) {
    out.unknown = unknown.map((skill) => inSentence(t(`languageSkill.${skill}`), locale)).join(', ');
  }
  if (section !== undefined) out.sector = t(`naceSection.${section}`);
  if (sameCommune !== undefined || params.km !== undefined) out.place = sameCommune ? 'commune' : 'km';
  if (schedules !== undefined) {
    out.schedules = schedules.map((s) => inSentence(t(`schedule.${s}`), locale)).join(', ');
  }
  if (diploma !== undefined) out.diploma = t(`diploma.${diploma}`);
  if (contract !== undefined)
    out.contract = contract === 'cdd' && params.months !== undefined ? 'cddMonths' : contract;
  return out;
}

/** The sentence of one matching reason, in the reader's language. */
export function matchReasonText(reason: MatchReasonAnswer, t: Translate, locale: Locale): string {
  return t(`matchReason.${reason.key}`, reason.params ? values(reason.params, t, locale) : undefined);
}
