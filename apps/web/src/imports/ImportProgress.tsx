import type { ImportJob } from '@jobcoach/contract';
import { Alert, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useImportJob } from './imports-api.ts';
import { RowErrorsTable } from './RowErrorsTable.tsx';

/** The import running on the server: a progress bar read every second, then what it did. */
export function ImportProgress({ jobId }: { jobId: string }) {
  const job = useImportJob(jobId);
  if (job.isPending) return <Spinner />;
  if (job.error) return <ErrorAlert error={job.error} onRetry={() => job.refetch()} />;
  return <JobView job={job.data} />;
}

function JobView({ job }: { job: ImportJob }) {
  const t = useT();
  const percent = job.total === 0 ? 100 : Math.round((job.processed / job.total) * 100);
  const errorCount = job.errorCount;
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="import-progress-title"
      data-testid="import-job"
      data-status={job.status}
    >
      <Title order={2} size="h3" id="import-progress-title">
        {t(job.status === 'running' ? 'import.progress.title' : 'import.progress.titleDone')}
      </Title>
      <Progress.Root size="xl">
        <Progress.Section
          value={percent}
          color={job.status === 'failed' ? 'red' : job.status === 'done' ? 'green' : 'blue'}
          aria-label={t('import.progress.label')}
          aria-valuetext={t('import.progress.count', { processed: job.processed, total: job.total })}
          data-testid="import-progress"
        />
      </Progress.Root>
      <Text role="status" data-testid="import-progress-text">
        {t('import.progress.count', { processed: job.processed, total: job.total })}
        {job.status === 'running' && ` — ${t('import.progress.running')}`}
      </Text>
      {job.status === 'done' && (
        <Alert color="green" title={t('import.summary.done')} data-testid="import-summary">
          <Group gap="lg">
            <Text data-testid="import-created">{t('import.summary.created', { count: job.created })}</Text>
            <Text data-testid="import-updated">{t('import.summary.updated', { count: job.updated })}</Text>
            <Text data-testid="import-unchanged">
              {t('import.summary.unchanged', { count: job.unchanged })}
            </Text>
            <Text data-testid="import-error-count">{t('import.summary.errors', { count: errorCount })}</Text>
          </Group>
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert color="red" role="alert" title={t('import.summary.failed')} data-testid="import-summary">
          {t('import.summary.failedText', { count: errorCount })}
        </Alert>
      )}
      {job.status !== 'running' && (
        <RowErrorsTable errors={job.errors} total={errorCount} testId="import-job-errors" />
      )}
    </Stack>
  );
}
