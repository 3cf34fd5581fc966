import type { BasinOffer, PersonFile } from '@jobcoach/contract';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { contractText } from '../vacancies/contract.ts';
import { MatchCard } from './MatchCard.tsx';
import { useAskBasinPresentation, useBasinOffers } from './matching-api.ts';

/**
 * « Offres du bassin »: the open vacancies of the other organisations of the basin, ranked for the
 * person by the same rule (their candidates are never shown), with the organisation to contact and
 * a request to present the person, which that organisation accepts or declines.
 */
export function BasinOffers({ person }: { person: PersonFile }) {
  const t = useT();
  const offers = useBasinOffers(person.id);
  const [asking, setAsking] = useState<BasinOffer | null>(null);
  return (
    <Panel id="basin-offers" title={t('basin.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('basin.intro')}</Text>
        {offers.isPending ? (
          <Spinner />
        ) : offers.error ? (
          <ErrorAlert error={offers.error} onRetry={() => offers.refetch()} />
        ) : offers.data.length === 0 ? (
          <Text c="dimmed" data-testid="basin-offers-empty">
            {t('basin.none')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="basin-offers">
            {offers.data.map((offer) => (
              <MatchCard
                key={offer.vacancy.id}
                result={offer.result}
                title={
                  <div data-testid="basin-offer">
                    <Group gap={6}>
                      <Badge variant="light" color="grape">
                        {t('basin.badge')}
                      </Badge>
                      <Text fw={700} data-testid="match-name">
                        {offer.vacancy.title}
                      </Text>
                    </Group>
                    <Text size="sm">
                      {[offer.vacancy.employerName, offer.vacancy.commune].filter(Boolean).join(' — ')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {contractText(offer.vacancy, t)}
                    </Text>
                    <Text size="sm" data-testid="basin-organisation">
                      {t('basin.organisation', { organisation: offer.vacancy.organisation.name })}
                    </Text>
                  </div>
                }
                action={
                  offer.request && offer.request.status !== 'declined' ? (
                    <Text size="sm" fw={600} data-testid="basin-request-status">
                      {t(`basin.status.${offer.request.status}`)}
                      {offer.request.decisionNote ? ` — ${offer.request.decisionNote}` : ''}
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {offer.request && (
                        <Text size="sm" data-testid="basin-request-status">
                          {t('basin.status.declined')}
                        </Text>
                      )}
                      <Button
                        size="xs"
                        variant="light"
                        disabled={person.phase !== 'pre_hire'}
                        aria-label={t('basin.askLabel', { title: offer.vacancy.title })}
                        onClick={() => setAsking(offer)}
                        data-testid="basin-ask"
                      >
                        {t('basin.ask')}
                      </Button>
                    </Stack>
                  )
                }
              />
            ))}
          </Stack>
        )}
      </Stack>
      {asking && <AskModal personId={person.id} offer={asking} onClose={() => setAsking(null)} />}
    </Panel>
  );
}

function AskModal({
  personId,
  offer,
  onClose,
}: {
  personId: string;
  offer: BasinOffer;
  onClose: () => void;
}) {
  const t = useT();
  const ask = useAskBasinPresentation();
  const form = useForm({ note: '' }, { basinVacancyId: 'note' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ note: required(form.values.note, t) })) return;
    ask.mutate(
      { personId, basinVacancyId: offer.vacancy.id, note: form.values.note.trim() },
      { onSuccess: onClose, onError: form.fail },
    );
  };
  return (
    <FormModal
      dirty={form.dirty}
      title={t('basin.askLabel', { title: offer.vacancy.title })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text size="sm">{t('basin.organisation', { organisation: offer.vacancy.organisation.name })}</Text>
          <Textarea
            label={t('basin.note')}
            autosize
            minRows={3}
            {...form.input('note')}
            data-testid="basin-note"
          />
          <Group justify="flex-end">
            <CancelButton />
            <Button type="submit" loading={ask.isPending} data-testid="basin-send">
              {t('basin.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
