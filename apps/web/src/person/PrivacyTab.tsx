import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import type { PersonFile } from '../api-types.ts';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay, today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { usePartners } from '../referral/partners-api.ts';

type Purpose = 'processing' | 'sharing_with_partner' | 'employer_contact';
type HandoffPurpose = 'report_to_prescriber' | 'referral_to_service' | 'joint_follow_up';
type Consent = {
  id: string;
  purpose: Purpose;
  partnerId: string | null;
  partnerName: string | null;
  givenOn: string;
  informationOn: string | null;
  notice: string | null;
  note: string | null;
  withdrawnOn: string | null;
  active: boolean;
  recordedByName: string | null;
};
type Handoff = {
  id: string;
  partnerName: string;
  purpose: HandoffPurpose;
  sharedOn: string;
  sharedByName: string | null;
  sections: string[];
};

const PURPOSES: Purpose[] = ['processing', 'sharing_with_partner', 'employer_contact'];
const HANDOFF_PURPOSES: HandoffPurpose[] = ['report_to_prescriber', 'referral_to_service', 'joint_follow_up'];

const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

/**
 * « Données personnelles » : the person's consents per purpose, hand-offs to partners (refused
 * without a sharing consent), and for coordinators the export and the erasure on request.
 */
export function PrivacyTab({ person }: { person: PersonFile }) {
  const coordinator = isCoordinator(useSession());
  return (
    <Stack gap="md">
      <ConsentsCard person={person} />
      <HandoffCard person={person} />
      {coordinator ? <RightsCard person={person} /> : null}
    </Stack>
  );
}

function ConsentsCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const partners = usePartners();
  const key = ['person-consents', person.id];
  const consents = useQuery({
    queryKey: key,
    queryFn: () => api.get<Consent[]>(`${personPath(person.id)}/consents`),
  });
  const [purpose, setPurpose] = useState<Purpose>('processing');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [givenOn, setGivenOn] = useState(today());
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post<Consent[]>(`${personPath(person.id)}/consents`, {
        purpose,
        partnerId: purpose === 'sharing_with_partner' ? partnerId : null,
        givenOn,
        informationOn: givenOn,
        notice,
      }),
    onSuccess: (list) => {
      queryClient.setQueryData(key, list);
      setNotice('');
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      api.post<Consent[]>(`${personPath(person.id)}/consents/${encodeURIComponent(id)}/withdraw`, {
        withdrawnOn: today(),
      }),
    onSuccess: (list) => queryClient.setQueryData(key, list),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="consents-title">
      <Title order={2} size="h3" id="consents-title">
        {t('privacy.consents.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.consents.hint')}
      </Text>
      {consents.error ? <ErrorAlert error={consents.error} onRetry={() => consents.refetch()} /> : null}
      {consents.data && consents.data.length === 0 ? <Text>{t('privacy.consents.empty')}</Text> : null}
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
                        <Badge color="green">{t('privacy.consents.active')}</Badge>
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
                      <Badge color="gray">
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
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
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
              onChange={(v) => setPurpose((v as Purpose) ?? 'processing')}
              allowDeselect={false}
            />
            {purpose === 'sharing_with_partner' ? (
              <Select
                label={t('privacy.partner')}
                data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                value={partnerId}
                onChange={setPartnerId}
                required
              />
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
          {add.error ? <ErrorAlert error={add.error} /> : null}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('privacy.consents.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function HandoffCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const partners = usePartners();
  const key = ['person-handoffs', person.id];
  const handoffs = useQuery({
    queryKey: key,
    queryFn: () => api.get<Handoff[]>(`${personPath(person.id)}/handoffs`),
  });
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<HandoffPurpose>('referral_to_service');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post<{ summary: string }>(`${personPath(person.id)}/handoffs`, {
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
    <Card withBorder padding="md" component="section" aria-labelledby="handoffs-title">
      <Title order={2} size="h3" id="handoffs-title">
        {t('privacy.handoffs.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.handoffs.hint')}
      </Text>
      {handoffs.error ? <ErrorAlert error={handoffs.error} onRetry={() => handoffs.refetch()} /> : null}
      {handoffs.data && handoffs.data.length === 0 ? <Text>{t('privacy.handoffs.empty')}</Text> : null}
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
            <Select
              label={t('privacy.partner')}
              data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={partnerId}
              onChange={setPartnerId}
              required
            />
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
          {send.error ? <ErrorAlert error={send.error} /> : null}
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
    </Card>
  );
}

function RightsCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => api.post<{ erasedAt: string }>(`${personPath(person.id)}/erasure`, { reason }),
    onSuccess: () => {
      setConfirming(false);
      queryClient.invalidateQueries({ queryKey: ['persons'] });
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="rights-title">
      <Title order={2} size="h3" id="rights-title">
        {t('privacy.rights.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.rights.hint')}
      </Text>
      <Group>
        <Anchor href={`${personPath(person.id)}/export.pdf`} download>
          {t('privacy.rights.exportPdf')}
        </Anchor>
        <Anchor href={`${personPath(person.id)}/export.json`} download>
          {t('privacy.rights.exportJson')}
        </Anchor>
      </Group>
      <Stack gap="xs" mt="md">
        <Title order={3} size="h5">
          {t('privacy.rights.erase')}
        </Title>
        {erase.isSuccess ? <Alert color="green">{t('privacy.rights.erased')}</Alert> : null}
        <TextInput
          label={t('privacy.rights.reason')}
          description={t('privacy.rights.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {erase.error ? <ErrorAlert error={erase.error} /> : null}
        {confirming ? (
          <Alert color="red" title={t('privacy.rights.confirmTitle')}>
            <Text size="sm" mb="xs">
              {t('privacy.rights.confirmText')}
            </Text>
            <Group>
              <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
                {t('privacy.rights.confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('privacy.rights.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button
              color="red"
              variant="outline"
              onClick={() => setConfirming(true)}
              disabled={reason.trim().length < 10}
            >
              {t('privacy.rights.erase')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
