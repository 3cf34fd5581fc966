import type { VacancyFile } from '@jobcoach/contract';
import type { PhysicalDemand } from '@jobcoach/domain';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { naceLabel } from '../employers/sector.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { BasinRequests } from '../matching/BasinRequests.tsx';
import { CandidatesSection } from '../matching/CandidatesSection.tsx';
import { PresentationList } from '../presentations/PresentationList.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { NotFound } from '../shell/Notice.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { contractText } from './contract.ts';
import { RequirementsView } from './RequirementsView.tsx';
import { VacancyStatusBadge } from './VacancyStatusBadge.tsx';
import { useVacancy } from './vacancies-api.ts';

/** A vacancy: the job, its requirements (published and objectified), the candidates, the presentations. */
export function VacancyPage() {
  const { id = '' } = useParams();
  const vacancy = useVacancy(id);
  if (vacancy.isPending) return <Spinner />;
  if (vacancy.error) {
    if (vacancy.error instanceof ApiError && vacancy.error.status === 404) return <NotFound />;
    return <ErrorAlert error={vacancy.error} onRetry={() => vacancy.refetch()} />;
  }
  return <VacancyView vacancy={vacancy.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function VacancyView({ vacancy }: { vacancy: VacancyFile }) {
  const t = useT();
  const none = t('common.notStated');
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <PageHeading>{vacancy.title}</PageHeading>
          <Button
            component={Link}
            to={`/offers/${vacancy.id}/edit`}
            variant="default"
            data-testid="vacancy-edit"
          >
            {t('vacancy.edit.open')}
          </Button>
        </Group>
        <Group gap="md">
          <VacancyStatusBadge status={vacancy.status} size="lg" />
          <Anchor component={Link} to={`/employers/${vacancy.employerId}`} fw={600}>
            {vacancy.employerName}
          </Anchor>
          <Text>{contractText(vacancy, t)}</Text>
        </Group>
      </Stack>
      <Card withBorder padding="md" component="section" aria-labelledby="vacancy-facts-title">
        <Title order={2} size="h3" id="vacancy-facts-title" mb="xs">
          {t('vacancy.facts.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('vacancy.field.commune')}>
            {[vacancy.placeOfWork, vacancy.commune].filter(Boolean).join(', ') ||
              t('vacancy.communeFromEmployer')}
          </Fact>
          <Fact label={t('vacancy.field.openings')}>{vacancy.openings}</Fact>
          <Fact label={t('vacancy.field.schedule')}>
            {vacancy.schedule.length === 0
              ? none
              : vacancy.schedule.map((s) => t(`schedule.${s}`)).join(', ')}
          </Fact>
          <Fact label={t('vacancy.field.sectorCode')}>{naceLabel(vacancy.sectorCode, t) || none}</Fact>
          <Fact label={t('vacancy.field.source')}>
            {t(`vacancySource.${vacancy.source}`)}
            {vacancy.sourceRef ? ` — ${vacancy.sourceRef}` : ''}
          </Fact>
          <Fact label={t('vacancy.field.openedOn')}>{formatDay(vacancy.openedOn)}</Fact>
          {vacancy.closedOn && <Fact label={t('vacancy.field.closedOn')}>{formatDay(vacancy.closedOn)}</Fact>}
          <Fact label={t('vacancy.field.physicalDemands')}>
            {vacancy.physicalDemands.length === 0
              ? t('vacancy.noPhysicalDemands')
              : vacancy.physicalDemands.map((d: PhysicalDemand) => t(`physicalDemand.${d}`)).join(', ')}
          </Fact>
        </SimpleGrid>
        {vacancy.qualityNote && (
          <Text mt="sm">
            <Text span fw={600}>
              {t('vacancy.field.qualityNote')} :
            </Text>{' '}
            {vacancy.qualityNote}
          </Text>
        )}
      </Card>
      <Stack component="section" gap="xs" aria-labelledby="vacancy-requirements-title">
        <Title order={2} size="h3" id="vacancy-requirements-title">
          {t('vacancy.requirements.title')}
        </Title>
        <Text size="sm">{t('vacancy.objectivation.short')}</Text>
        <RequirementsView vacancy={vacancy} />
      </Stack>
      <CandidatesSection vacancy={vacancy} />
      <PresentationList filter={{ vacancyId: vacancy.id }} show="person" />
      <BasinRequests vacancyId={vacancy.id} />
    </Stack>
  );
}
