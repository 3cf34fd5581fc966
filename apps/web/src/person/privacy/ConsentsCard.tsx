import type { Consent, ConsentBody, ConsentPurpose, PersonFile } from '@jobcoach/contract';
import { Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { formatDay, today } from '../../i18n/dates.ts';
import { useT } from '../../i18n/index.ts';
import { ListState } from '../ListState.tsx';
import { Panel } from '../Panel.tsx';
import { PartnerField } from './PartnerField.tsx';
import { PURPOSES, personPath } from './privacy-api.ts';

/** The consents per purpose: the list (withdraw one) and the form recording a new one. */
export function ConsentsCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const key = ['person-consents', person.id];
  const path = `${personPath(person.id)}/consents`;
  const consents = useQuery({ queryKey: key, queryFn: () => api.get<Consent[]>(path) });
  const [purpose, setPurpose] = useState<ConsentPurpose>('processing');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [givenOn, setGivenOn] = useState(today());
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post<Consent[]>(path, {
        purpose,
        partnerId: purpose === 'sharing_with_partner' ? partnerId : null,
        givenOn,
        informationOn: givenOn,
        notice,
      } satisfies ConsentBody),
    onSuccess: (list) => {
      queryClient.setQueryData(key, list);
      setNotice('');
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      api.post<Consent[]>(`${path}/${encodeURIComponent(id)}/withdraw`, { withdrawnOn: today() }),
    onSuccess: (list) => queryClient.setQueryData(key, list),
  });
  return (
    <Panel id="privacy-consents" title={t('privacy.consents.title')} hint={t('privacy.consents.hint')}>
      <ListState query={consents} empty={t('privacy.consents.empty')} />
      {consents.data && consents.data.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table data-testid="consents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.consents.purpose')}</Table.Th>
                <Table.Th>{t('privacy.consents.givenOn')}</Table.Th>
                <Table.Th>{t('privacy.consents.notice')}</Table.Th>
                <Table.Th>{t('privacy.consents.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {t(`privacy.purpose.${c.purpose}`)}
                    {c.partnerName ? ` — ${c.partnerName}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDay(c.givenOn)}</Table.Td>
                  <Table.Td>{c.notice ?? ''}</Table.Td>
                  <Table.Td>
                    {c.active ? (
                      <Group gap="xs">
                        <Badge variant="light" color="green">
                          {t('privacy.consents.active')}
                        </Badge>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          loading={withdraw.isPending}
                          onClick={() => withdraw.mutate(c.id)}
                        >
                          {t('privacy.consents.withdraw')}
                        </Button>
                      </Group>
                    ) : (
                      <Badge variant="light" color="gray">
                        {t('privacy.consents.withdrawnOn', { date: formatDay(c.withdrawnOn) })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ErrorAlert error={withdraw.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Stack gap="xs" mt="md">
          <Title order={3} size="h5">
            {t('privacy.consents.add')}
          </Title>
          <Group grow align="flex-end">
            <Select
              label={t('privacy.consents.purpose')}
              data={PURPOSES.map((p) => ({ value: p, label: t(`privacy.purpose.${p}`) }))}
              value={purpose}
              onChange={(v) => setPurpose((v as ConsentPurpose) ?? 'processing')}
              allowDeselect={false}
            />
            {purpose === 'sharing_with_partner' ? (
              <PartnerField value={partnerId} onChange={setPartnerId} />
            ) : null}
            <TextInput
              type="date"
              label={t('privacy.consents.givenOn')}
              value={givenOn}
              onChange={(e) => setGivenOn(e.currentTarget.value)}
              required
            />
          </Group>
          <TextInput
            label={t('privacy.consents.notice')}
            description={t('privacy.consents.noticeHint')}
            value={notice}
            onChange={(e) => setNotice(e.currentTarget.value)}
            required
          />
          <ErrorAlert error={add.error} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('privacy.consents.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
