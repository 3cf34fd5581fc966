import { Group, NativeSelect, Text } from '@mantine/core';
import { useId } from 'react';
import { currentMembership } from '../auth/permissions.ts';
import { useSession, useSwitchOrganisation } from '../auth/session.ts';
import { useErrorMessage } from '../forms/errors.ts';
import { useT } from '../i18n/index.ts';

/**
 * The organisation the user works in now. A choice only for people who belong to several;
 * `inline` puts the label beside the list (header), otherwise above it (phone navigation).
 */
export function OrganisationSwitcher({ inline }: { inline: boolean }) {
  const t = useT();
  const id = useId();
  const me = useSession();
  const switcher = useSwitchOrganisation();
  const describe = useErrorMessage();
  const current = currentMembership(me);

  if (me.memberships.length < 2) {
    const name = current?.organisationName ?? (me.user.isAdmin ? t('shell.noOrganisation') : '');
    return (
      <Text size="sm" c="dimmed" truncate mb={inline ? 0 : 'sm'} data-testid="current-organisation">
        {name}
      </Text>
    );
  }

  const options = me.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }));
  if (!current) options.unshift({ value: '', label: t('field.chooseOption') });
  const select = (
    <NativeSelect
      id={id}
      size={inline ? 'xs' : 'sm'}
      label={inline ? undefined : t('shell.organisation')}
      data={options}
      value={current?.organisationId ?? ''}
      disabled={switcher.isPending}
      error={switcher.error ? describe(switcher.error) : undefined}
      onChange={(event) => switcher.mutate(event.currentTarget.value)}
      mb={inline ? 0 : 'sm'}
    />
  );
  if (!inline) return select;
  return (
    <Group gap={6} wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm">
        {t('shell.organisation')}
      </Text>
      {select}
    </Group>
  );
}
