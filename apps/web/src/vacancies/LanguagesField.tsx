import { LANGUAGE_LEVELS } from '@jobcoach/domain';
import { Button, Fieldset, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { LANGUAGE_CODES, languageLabel } from './languages.ts';
import { joinLanguages, type LanguageRow, parseLanguages } from './vacancy-form.ts';

/**
 * Languages asked, each with its level (notions, lecture, conversation, courant). A level is met
 * by the same or a higher one: « lecture » of German is what a warehouse job reading labels needs.
 */
export function LanguagesField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  const t = useT();
  const rows = parseLanguages(value);
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
      <Stack gap={6} mt={4}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('vacancy.languages.none')}
          </Text>
        )}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={index} gap="xs" align="flex-end">
            <NativeSelect
              label={t('vacancy.languages.language', { n: index + 1 })}
              data={[{ value: '', label: t('field.chooseOption') }, ...codes(row.code)]}
              value={row.code}
              onChange={(event) => update(index, { ...row, code: event.currentTarget.value })}
              style={{ flex: '1 1 130px' }}
            />
            <NativeSelect
              label={t('vacancy.languages.level', { n: index + 1 })}
              data={[
                { value: '', label: t('field.chooseOption') },
                ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`languageLevel.${l}`) })),
              ]}
              value={row.level}
              onChange={(event) =>
                update(index, { ...row, level: event.currentTarget.value as LanguageRow['level'] })
              }
              style={{ flex: '1 1 130px' }}
            />
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
            onClick={() => onChange(joinLanguages([...rows, { code: '', level: '' }]))}
          >
            {t('vacancy.languages.add')}
          </Button>
        </Group>
        {error && <Input.Error>{error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
