import type { Member } from '@jobcoach/contract';
import { Alert, Button, Code, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { useOrganisations } from '../organisations/organisations-api.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { CreateMemberModal } from './CreateMemberModal.tsx';
import { EditMemberModal } from './EditMemberModal.tsx';
import { EndSessionsModal } from './EndSessionsModal.tsx';
import { MembersTable } from './MembersTable.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useMembers } from './team-api.ts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; member: Member }
  | { kind: 'reset'; member: Member }
  | { kind: 'sessions'; member: Member };
type Notice = { text: string; password?: string };

/** « Équipe »: the members of an organisation. Admins may pick any organisation (?organisation=id). */
export function TeamPage() {
  const t = useT();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const organisations = useOrganisations(me.user.isAdmin);
  const organisationId = params.get('organisation') ?? me.currentOrganisationId;
  const organisationName =
    me.memberships.find((m) => m.organisationId === organisationId)?.organisationName ??
    organisations.data?.find((o) => o.id === organisationId)?.name ??
    '';

  return (
    <Stack gap="md">
      <PageHeading>{t('team.title')}</PageHeading>
      {me.user.isAdmin && (
        <NativeSelect
          label={t('team.organisation')}
          maw={420}
          value={organisationId ?? ''}
          onChange={(event) => setParams({ organisation: event.currentTarget.value })}
          data={[
            ...(organisationId ? [] : [{ value: '', label: t('field.chooseOption') }]),
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      )}
      {organisationId ? (
        <Team key={organisationId} organisationId={organisationId} organisationName={organisationName} />
      ) : (
        <Text>{t('team.noOrganisation')}</Text>
      )}
    </Stack>
  );
}

function Team({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const t = useT();
  const me = useSession();
  const members = useMembers(organisationId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const close = () => setDialog(null);

  return (
    <>
      <Group justify="space-between" align="center">
        <Text>{t('team.intro', { organisation: organisationName })}</Text>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('team.add')}</Button>
      </Group>
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          data-testid="team-notice"
        >
          {notice.text}
          {notice.password && (
            <Code fz="md" ml={6} data-testid="temporary-password">
              {notice.password}
            </Code>
          )}
        </Alert>
      )}
      {members.isPending ? (
        <Spinner />
      ) : members.error ? (
        <ErrorAlert error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.length === 0 ? (
        <Text>{t('team.empty')}</Text>
      ) : (
        <MembersTable
          caption={t('team.caption', { organisation: organisationName })}
          members={members.data}
          onEdit={(member) => setDialog({ kind: 'edit', member })}
          onResetPassword={(member) => setDialog({ kind: 'reset', member })}
          onEndSessions={me.user.isAdmin ? (member) => setDialog({ kind: 'sessions', member }) : undefined}
          selfId={me.user.id}
        />
      )}
      <PendingInvitations organisationId={organisationId} />
      {dialog?.kind === 'create' && (
        <CreateMemberModal
          organisationId={organisationId}
          onClose={close}
          onCreated={(invitation, password) => {
            close();
            setNotice(
              password === ''
                ? { text: t('team.create.doneByEmail', { name: invitation.name }) }
                : { text: t('team.create.done', { name: invitation.name }), password },
            );
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditMemberModal
          organisationId={organisationId}
          member={dialog.member}
          onClose={close}
          onSaved={(member) => {
            close();
            setNotice({ text: t('team.edit.done', { name: member.name }) });
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          organisationId={organisationId}
          member={dialog.member}
          onClose={close}
          onDone={(password) => {
            close();
            setNotice({ text: t('team.reset.done', { name: dialog.member.name }), password });
          }}
        />
      )}
      {dialog?.kind === 'sessions' && (
        <EndSessionsModal
          member={dialog.member}
          onClose={close}
          onDone={() => {
            close();
            setNotice({ text: t('team.endSessions.done', { name: dialog.member.name }) });
          }}
        />
      )}
    </>
  );
}
