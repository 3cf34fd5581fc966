import type { Handoff, HandoffCreated, HandoffPurpose, PersonFile } from '@jobcoach/contract';
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { formatDay } from '../../i18n/dates.ts';
import { useT } from '../../i18n/index.ts';
import { ListState } from '../ListState.tsx';
import { Panel } from '../Panel.tsx';
import { PartnerField } from './PartnerField.tsx';
import { HANDOFF_PURPOSES, personPath } from './privacy-api.ts';

/** The hand-offs to partners: the past ones, and the form sharing a summary with one. */
export function HandoffsCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const key = ['person-handoffs', person.id];
  const path = `${personPath(person.id)}/handoffs`;
  const handoffs = useQuery({ queryKey: key, queryFn: () => api.get<Handoff[]>(path) });
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<HandoffPurpose>('referral_to_service');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post<HandoffCreated>(path, {
        partnerId,
        purpose,
        sections: ['identity', 'contact', 'trajectory'],
        note,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: key });
      setNote('');
    },
  });
  return (
    <Panel id="privacy-handoffs" title={t('privacy.handoffs.title')} hint={t('privacy.handoffs.hint')}>
      <ListState query={handoffs} empty={t('privacy.handoffs.empty')} />
      {handoffs.data?.map((h) => (
        <Text key={h.id} size="sm">
          {t('privacy.handoffs.line', {
            date: formatDay(h.sharedOn),
            partner: h.partnerName,
            purpose: t(`privacy.handoffPurpose.${h.purpose}`),
            who: h.sharedByName ?? '',
          })}
        </Text>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="xs" mt="md">
          <Group grow align="flex-end">
            <PartnerField value={partnerId} onChange={setPartnerId} />
            <Select
              label={t('privacy.handoffs.purpose')}
              data={HANDOFF_PURPOSES.map((p) => ({ value: p, label: t(`privacy.handoffPurpose.${p}`) }))}
              value={purpose}
              onChange={(v) => setPurpose((v as HandoffPurpose) ?? 'referral_to_service')}
              allowDeselect={false}
            />
          </Group>
          <Textarea
            label={t('privacy.handoffs.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <ErrorAlert error={send.error} />
          <Group>
            <Button type="submit" loading={send.isPending} disabled={!partnerId}>
              {t('privacy.handoffs.submit')}
            </Button>
          </Group>
          {send.data ? (
            <Textarea
              label={t('privacy.handoffs.summary')}
              value={send.data.summary}
              readOnly
              autosize
              minRows={6}
              data-testid="handoff-summary"
            />
          ) : null}
        </Stack>
      </form>
    </Panel>
  );
}
