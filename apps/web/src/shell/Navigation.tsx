import type { Me } from '@jobcoach/contract';
import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import {
  canManageSettings,
  canManageTeam,
  canSeePersons,
  canSeeReports,
  isAdmin,
  isCoordinator,
} from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { type MessageId, useT } from '../i18n/index.ts';

type Item = { to: string; label: MessageId; shown?: (me: Me) => boolean };

// Those who neither work with persons nor read results land on a welcome page.
const welcomed = (me: Me) => !canSeePersons(me) && !canSeeReports(me);

// The capabilities of the platform, in the order of a jobcoach's work. Evaluators see no
// person-level entry: their first page is « Résultats », the aggregated figures.
const ITEMS: Item[] = [
  // Coordinators land on the team at a glance; their own « Ma journée » is beside it.
  { to: '/', label: 'nav.teamHome', shown: isCoordinator },
  { to: '/my-day', label: 'nav.home', shown: isCoordinator },
  { to: '/', label: 'nav.home', shown: (me) => canSeePersons(me) && !isCoordinator(me) },
  { to: '/', label: 'nav.welcome', shown: welcomed },
  { to: '/people', label: 'nav.people', shown: canSeePersons },
  { to: '/absences', label: 'nav.absences', shown: canSeePersons },
  { to: '/employers', label: 'nav.employers', shown: canSeePersons },
  { to: '/offers', label: 'nav.offers', shown: canSeePersons },
  { to: '/results', label: 'nav.results', shown: canSeeReports },
  { to: '/team', label: 'nav.team', shown: canManageTeam },
  { to: '/settings', label: 'nav.settings', shown: canManageSettings },
  { to: '/history-import', label: 'nav.historyImport', shown: isCoordinator },
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
            key={`${item.to} ${item.label}`}
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
