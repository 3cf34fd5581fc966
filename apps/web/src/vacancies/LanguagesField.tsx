import { LANGUAGE_SKILLS, REQUIRED_SKILL_LEVELS, SKILL_LEVELS } from '@jobcoach/domain';
import { Button, Fieldset, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { type Translate, useT } from '../i18n/index.ts';
import { LANGUAGE_CODES, languageLabel } from './languages.ts';
import { emptyLanguageRow, joinLanguages, type LanguageRow, parseLanguages } from './vacancy-form.ts';

/**
 * Languages with a level per skill (comprendre, parler, lire, écrire). For a job (`kind="required"`)
 * each level is the minimum asked and an empty one is not asked: « lire des étiquettes en allemand »
 * is German, reading « notions ». For a person (`kind="person"`) each level is what the person can
 * do, « pas du tout » included; an empty one is not assessed yet.
 */
export function LanguagesField({
  label,
  description,
  value,
  onChange,
  error,
  testId,
  kind = 'required',
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId: string;
  kind?: 'required' | 'person';
}) {
  const t = useT();
  const rows = parseLanguages(value);
  const levels = kind === 'person' ? SKILL_LEVELS : REQUIRED_SKILL_LEVELS;
  const update = (index: number, row: LanguageRow) =>
    onChange(joinLanguages(rows.map((r, i) => (i === index ? row : r))));
  const codes = (current: string) =>
    [
      ...LANGUAGE_CODES,
      ...(current && !(LANGUAGE_CODES as readonly string[]).includes(current) ? [current] : []),
    ].map((code) => ({ value: code, label: languageLabel(code, t) }));

  return (
    <Fieldset
      variant="unstyled"
      legend={<Input.Label component="span">{label}</Input.Label>}
      data-testid={testId}
    >
      {description && <Input.Description>{description}</Input.Description>}
      <Stack gap={6} mt={4}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('vacancy.languages.none')}
          </Text>
        )}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={index} gap="xs" align="flex-end" data-testid="language-row">
            <NativeSelect
              label={t('vacancy.languages.language', { n: index + 1 })}
              data={[{ value: '', label: t('field.chooseOption') }, ...codes(row.code)]}
              value={row.code}
              onChange={(event) => update(index, { ...row, code: event.currentTarget.value })}
              style={{ flex: '1 1 130px' }}
              data-testid="language-code"
            />
            {LANGUAGE_SKILLS.map((skill) => (
              <NativeSelect
                key={skill}
                label={t(`languageSkill.${skill}`)}
                data={[
                  {
                    value: '',
                    label: t(kind === 'person' ? 'skillLevel.notAssessed' : 'skillLevel.notAsked'),
                  },
                  ...levels.map((l) => ({ value: l, label: t(`skillLevel.${l}`) })),
                ]}
                value={row[skill]}
                onChange={(event) => update(index, { ...row, [skill]: event.currentTarget.value })}
                style={{ flex: '1 1 110px' }}
                data-testid={`language-${skill}`}
              />
            ))}
            <Button
              variant="default"
              aria-label={t('vacancy.languages.removeLabel', {
                language: row.code ? languageLabel(row.code, t) : index + 1,
              })}
              onClick={() => onChange(joinLanguages(rows.filter((_, i) => i !== index)))}
            >
              {t('vacancy.languages.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => onChange(joinLanguages([...rows, emptyLanguageRow()]))}
          >
            {t('vacancy.languages.add')}
          </Button>
        </Group>
        {error && <Input.Error>{error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}

/** « allemand : lire (notions), parler (bien) » */
export function describeLanguage(
  l: { code: string } & Partial<Record<(typeof LANGUAGE_SKILLS)[number], string | null>>,
  t: Translate,
): string {
  const skills = LANGUAGE_SKILLS.filter((s) => l[s] != null && l[s] !== '').map(
    (s) => `${t(`languageSkill.${s}`).toLowerCase()} (${t(`skillLevel.${l[s] as 'basic'}`).toLowerCase()})`,
  );
  return skills.length === 0
    ? languageLabel(l.code, t)
    : `${languageLabel(l.code, t)} : ${skills.join(', ')}`;
}
