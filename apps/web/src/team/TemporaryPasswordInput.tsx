import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { Button, Group, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { generateTemporaryPassword } from './temporary-password.ts';

type Props = {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string | undefined;
  onGenerate: (password: string) => void;
};

/**
 * Shown in clear on purpose: the coordinator reads it out or writes it down for the new member,
 * who must replace it at first login. « Générer » fills in a random one.
 */
export function TemporaryPasswordInput({ value, onChange, error, onGenerate }: Props) {
  const t = useT();
  return (
    <TextInput
      label={t('team.field.temporaryPassword')}
      description={t('team.field.temporaryPasswordHint', { min: MIN_PASSWORD_LENGTH })}
      required
      withAsterisk={false}
      autoComplete="off"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      value={value}
      onChange={onChange}
      error={error}
      inputContainer={(input) => (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ flex: 1 }}>{input}</div>
          <Button variant="default" onClick={() => onGenerate(generateTemporaryPassword())}>
            {t('team.generate')}
          </Button>
        </Group>
      )}
    />
  );
}
