import type { PersonFile } from '@jobcoach/contract';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { formatDay, today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { trustContractUrl, useSignTrustContract } from '../people/people-api.ts';
import { Panel } from './Panel.tsx';
import { pastDay } from './person-validation.ts';

/**
 * The trust contract (contrat de confiance, method.md §3): the organisation's template filled for
 * the person, to print and sign; then the day it was signed.
 */
export function TrustContractSection({ person }: { person: PersonFile }) {
  const t = useT();
  const [signing, setSigning] = useState(false);
  return (
    <Panel id="trust-contract" title={t('trust.title')}>
      <Stack gap="xs">
        <Text data-testid="trust-status">
          {person.trustContractSignedOn
            ? t('trust.signedOn', { date: formatDay(person.trustContractSignedOn) })
            : t('trust.notSigned')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('trust.hint')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={trustContractUrl(person.id)}
            download
            variant="default"
            data-testid="trust-pdf"
          >
            {t('trust.download')}
          </Button>
          {person.phase !== 'exited' && (
            <Button variant="default" onClick={() => setSigning(true)}>
              {person.trustContractSignedOn ? t('trust.changeDate') : t('trust.sign')}
            </Button>
          )}
        </Group>
      </Stack>
      {signing && <SignModal person={person} onClose={() => setSigning(false)} />}
    </Panel>
  );
}

function SignModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const sign = useSignTrustContract(person.id);
  const form = useForm({ signedOn: person.trustContractSignedOn ?? today() });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ signedOn: pastDay(form.values.signedOn, t, false) })) return;
    sign.mutate(form.values.signedOn, { onSuccess: onClose, onError: form.fail });
  };

  return (
    <FormModal dirty={form.dirty} title={t('trust.sign')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <TextInput
            type="date"
            label={t('trust.signedOnLabel')}
            required
            withAsterisk={false}
            {...form.input('signedOn')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={sign.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
