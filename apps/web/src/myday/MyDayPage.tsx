import type { MyDay } from '@jobcoach/contract';
import { Alert, Badge, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AgendaSection } from '../agenda/AgendaSection.tsx';
import { currentMembership, isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { MyDayContractSections } from '../contracts/MyDayContracts.tsx';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { DayVisits } from '../offline/DayVisits.tsx';
import { keepDay } from '../offline/day.ts';
import { useOnline } from '../offline/hooks.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { useStaff } from '../team/colleagues.ts';
import { CaseloadGauge } from './CaseloadGauge.tsx';
import { MyDaySection } from './MyDaySection.tsx';
import { useMyDay } from './myday-api.ts';

/**
 * « Ma journée »: what a coach should look at today, as the server computed it (overdue contacts,
 * deadlines, planned contacts, referrals to assess, waiting list) and the caseload gauge.
 * A coordinator may look at a colleague's day (`?coachId=`).
 */
export function MyDayPage() {
  const t = useT();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const coachId = isCoordinator(me) ? params.get('coachId') : null;
  const day = useMyDay(coachId);
  const online = useOnline();
  const own = !day.data || day.data.coach.id === me.user.id;
  // The day's visit sheets are kept on the device (encrypted) each time the coach's own day is read.
  const [kept, setKept] = useState(0);
  useEffect(() => {
    if (!day.data || day.data.coach.id !== me.user.id) return;
    let live = true;
    keepDay(day.data)
      .then((count) => live && setKept(count))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [day.data, me.user.id]);

  return (
    <Stack gap="md">
      <PageHeading>{t('home.title')}</PageHeading>
      <Whereabouts />
      {isCoordinator(me) && (
        <CoachPicker
          value={coachId ?? ''}
          onChange={(id) => setParams(id ? { coachId: id } : {}, { replace: true })}
        />
      )}
      {!online && !coachId ? (
        <Alert color="orange" data-testid="myday-offline">
          {t('offline.myday')}
        </Alert>
      ) : day.isPending ? (
        <Spinner />
      ) : day.error ? (
        <ErrorAlert error={day.error} onRetry={() => day.refetch()} />
      ) : (
        <DayView day={day.data} own={day.data.coach.id === me.user.id} />
      )}
      {own && <DayVisits refresh={kept} />}
    </Stack>
  );
}

/** Organisation and role, in small print (as the welcome page had them). */
function Whereabouts() {
  const t = useT();
  const membership = currentMembership(useSession());
  if (!membership) return null;
  return (
    <Group gap="lg" mt={-8}>
      <Text size="sm" c="dimmed" data-testid="home-organisation">
        {t('home.organisation', { name: membership.organisationName })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="home-role">
        {t('home.role', { role: t(`role.${membership.role}`) })}
      </Text>
    </Group>
  );
}

function CoachPicker({ value, onChange }: { value: string; onChange: (coachId: string) => void }) {
  const t = useT();
  const me = useSession();
  const { staff } = useStaff();
  const others = (staff ?? []).filter((colleague) => colleague.id !== me.user.id);
  return (
    <NativeSelect
      label={t('myday.coach')}
      maw={420}
      data={[
        { value: '', label: t('myday.coach.me', { name: me.user.name }) },
        ...others.map((colleague) => ({ value: colleague.id, label: colleague.name })),
      ]}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function DayView({ day, own }: { day: MyDay; own: boolean }) {
  const t = useT();
  const covering = day.covering;
  return (
    <>
      <Text data-testid="myday-today">
        {own
          ? t('myday.today', { date: formatDay(day.today) })
          : t('myday.todayOf', { date: formatDay(day.today), name: day.coach.name })}
      </Text>
      {covering.map((absence) => (
        <Alert key={`${absence.coachId}-${absence.from}`} color="grape" data-testid="myday-covering">
          {t(own ? 'myday.covering' : 'myday.coveringOther', {
            coach: day.coach.name,
            name: absence.coachName,
            from: formatDay(absence.from),
            to: formatDay(absence.to),
          })}
        </Alert>
      ))}
      <AgendaSection agenda={day.agenda} own={own} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <MyDaySection
            id="overdue"
            tone="red"
            title={t('myday.overdue')}
            empty={t('myday.overdue.empty')}
            persons={day.overdue}
            detail={(p) => t('myday.overdue.detail', { days: p.daysOverdue, date: formatDay(p.dueDate) })}
          />
          <MyDaySection
            id="deadlines"
            tone="orange"
            title={t('myday.deadlines')}
            empty={t('myday.deadlines.empty')}
            persons={day.deadlines}
            detail={(p) =>
              t('myday.deadlines.detail', {
                kind: t(`myday.deadlineKind.${p.deadlineKind ?? 'unknown'}`),
                days: p.daysLeft ?? 0,
                date: formatDay(p.deadline),
              })
            }
          />
          <MyDaySection
            id="planned"
            title={t('myday.planned')}
            empty={t('myday.planned.empty')}
            persons={day.plannedThisWeek}
            detail={(p) =>
              p.dueDate && p.dueDate !== p.plannedOn
                ? t('myday.planned.detailDue', { date: formatDay(p.plannedOn), due: formatDay(p.dueDate) })
                : t('myday.planned.detail', { date: formatDay(p.plannedOn) })
            }
          />
          <MyDayContractSections day={day} />
        </Stack>
        <Stack gap="md">
          <CaseloadGauge day={day} />
          <MyDaySection
            id="referrals"
            title={t('myday.referrals')}
            empty={t('myday.referrals.empty')}
            persons={day.referralsWaiting}
            detail={(p) => (
              <>
                {p.coachName ? t('myday.coachOf', { name: p.coachName }) : t('myday.unassigned')}
                {' — '}
                {t('myday.referrals.waited', { days: p.waitingDays })}
                {p.reviewPassed && p.reviewDate && (
                  <Badge ml="xs" size="sm" color="red" variant="light" data-testid="review-passed">
                    {t('myday.referrals.reviewPassed', { date: formatDay(p.reviewDate) })}
                  </Badge>
                )}
              </>
            )}
          />
          <MyDaySection
            id="waiting"
            title={t('myday.waiting')}
            empty={t('myday.waiting.empty')}
            persons={day.waitingList}
            detail={(p) => (p.coachName ? t('myday.coachOf', { name: p.coachName }) : t('myday.unassigned'))}
          />
        </Stack>
      </SimpleGrid>
    </>
  );
}
