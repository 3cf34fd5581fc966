import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Me } from '../api-types.ts';
import { canManageTeam, isAdmin } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { type MessageId, useT } from '../i18n/index.ts';

type Item = { to: string; label: MessageId; shown?: (me: Me) => boolean };

// The capabilities of the platform, in the order of a jobcoach's work.
const ITEMS: Item[] = [
  { to: '/', label: 'nav.home' },
  { to: '/people', label: 'nav.people' },
  { to: '/employers', label: 'nav.employers' },
  { to: '/offers', label: 'nav.offers' },
  { to: '/results', label: 'nav.results' },
  { to: '/team', label: 'nav.team', shown: canManageTeam },
  { to: '/admin', label: 'nav.admin', shown: isAdmin },
];

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();

  return (
    <Stack gap={4} mt="xs">
      {ITEMS.filter((item) => item.shown?.(me) ?? true).map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
