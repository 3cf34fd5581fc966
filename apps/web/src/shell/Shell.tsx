import { Anchor, AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { Spinner } from './Loading.tsx';
import { Navigation } from './Navigation.tsx';
import { OrganisationSwitcher } from './OrganisationSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';
import './skip-link.css';

const PHONE = '(max-width: 47.99em)'; // below Mantine's `sm` breakpoint, where the navbar collapses

/**
 * Header, navigation and the page. While the password must be changed, or a second factor required
 * by the organisation enrolled, only the header is shown.
 */
export function Shell() {
  const t = useT();
  const me = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const restricted = me.user.mustChangePassword || me.user.mustEnrolTotp;
  // A second factor required by the current organisation does not bind the others: the user may
  // go and work in one of them instead.
  const canSwitch = !restricted || (!me.user.mustChangePassword && me.memberships.length > 1);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={restricted ? undefined : { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" miw={0}>
            {!restricted && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(opened ? 'shell.nav.close' : 'shell.nav.open')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
            )}
            <Anchor component={Link} to="/" fw={700} size="lg" c="bright" underline="never">
              {t('app.name')}
            </Anchor>
            {canSwitch && !phone && <OrganisationSwitcher inline />}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      {!restricted && (
        <AppShell.Navbar
          p="sm"
          id="main-navigation"
          aria-label={t('shell.nav.label')}
          inert={phone && !opened}
        >
          {phone && <OrganisationSwitcher inline={false} />}
          <Navigation onNavigate={close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        {restricted && canSwitch && phone && <OrganisationSwitcher inline={false} />}
        <OfflineStatus />
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
