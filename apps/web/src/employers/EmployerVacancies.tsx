import type { EmployerFile } from '@jobcoach/contract';
import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { VacanciesTable } from '../vacancies/VacanciesTable.tsx';

/** The organisation's vacancies at this employer, and « Nouvelle offre » for it. */
export function EmployerVacancies({ employer }: { employer: EmployerFile }) {
  const t = useT();
  return (
    <Panel id="employer-vacancies" title={t('employer.vacancies.title')}>
      {employer.vacancies.length === 0 ? (
        <Text c="dimmed">{t('employer.vacancies.none')}</Text>
      ) : (
        <VacanciesTable vacancies={employer.vacancies} showEmployer={false} />
      )}
      <Group mt="sm">
        <Button component={Link} to={`/offers/new?employerId=${employer.id}`} variant="default">
          {t('vacancies.new')}
        </Button>
      </Group>
    </Panel>
  );
}
