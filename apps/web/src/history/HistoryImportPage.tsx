import type { HistoryImportJob, HistoryTableMapping, UploadFile } from '@jobcoach/contract';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Input,
  List,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import {
  HISTORY_ENTITIES,
  toUpload,
  useHistoryImportJob,
  useInspectHistoryImport,
  useStartHistoryImport,
} from './history-api.ts';
import { MappingStep, TablesRead } from './MappingStep.tsx';
import { RecentImports } from './RecentImports.tsx';

const FILE_NAMES = [
  'employers.csv',
  'persons.csv',
  'contracts.csv',
  'events.csv',
  'person_contacts.csv',
  'employer_contacts.csv',
];

/**
 * « Importer l'historique » (coordinators): several CSV files or one XLSX workbook, a check first
 * (nothing written: counts and every row's problems), then « Importer », its progress, its result.
 */
export function HistoryImportPage() {
  const t = useT();
  const fileId = useId();
  const queryClient = useQueryClient();
  const start = useStartHistoryImport();
  const inspect = useInspectHistoryImport();
  const [files, setFiles] = useState<UploadFile[]>([]);
  /** The mapping step's choices, for the tables not named after a file of the import. */
  const [mappings, setMappings] = useState<HistoryTableMapping[]>([]);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState(false);
  const [validOnly, setValidOnly] = useState(false);
  const [checkId, setCheckId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const check = useHistoryImportJob(checkId);
  const imported = useHistoryImportJob(importId);

  useEffect(() => {
    if (imported.data?.written) {
      queryClient.invalidateQueries({ queryKey: ['persons'] });
      queryClient.invalidateQueries({ queryKey: ['employers'] });
      queryClient.invalidateQueries({ queryKey: ['history-imports'] });
    }
  }, [imported.data?.written, queryClient]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.currentTarget.files ?? [])];
    setCheckId(null);
    setImportId(null);
    setReadError(false);
    start.reset();
    inspect.reset();
    setMappings([]);
    setReading(true);
    try {
      const uploads = await Promise.all(chosen.map(toUpload));
      setFiles(uploads);
      if (uploads.length > 0) {
        inspect.mutate(
          { files: uploads },
          {
            onSuccess: (answer) =>
              setMappings(
                answer.tables
                  .filter((table) => table.recognised === null)
                  .map((table) => table.mapping ?? { table: table.table, target: null, columns: {} }),
              ),
          },
        );
      }
    } catch {
      setReadError(true);
      setFiles([]);
    } finally {
      setReading(false);
    }
  };

  const run = (dryRun: boolean) =>
    start.mutate(
      { files, dryRun, validOnly, mapping: mappings },
      { onSuccess: ({ jobId }) => (dryRun ? setCheckId(jobId) : setImportId(jobId)) },
    );

  const checked = check.data && check.data.status !== 'running' ? check.data : null;
  const canImport =
    checked !== null &&
    checked.total > 0 &&
    (checked.errorCount === 0 || (validOnly && checked.status === 'done'));

  return (
    <Stack gap="md" maw={1100}>
      <PageHeading>{t('history.title')}</PageHeading>
      <Text>{t('history.intro')}</Text>
      <Text size="sm">
        {t('history.files')}{' '}
        {FILE_NAMES.map((name, i) => (
          <span key={name}>
            <code>{name}</code>
            {i < FILE_NAMES.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </Text>
      <Group gap="sm" data-testid="history-template">
        <Button
          component="a"
          href="/api/history-imports/template.xlsx"
          download
          variant="light"
          data-testid="history-template-download"
        >
          {t('history.template.download')}
        </Button>
        <Anchor component={Link} to="/history-import/help" data-testid="history-help-link">
          {t('history.template.documentation')}
        </Anchor>
      </Group>
      <Text size="sm" fw={600} data-testid="history-idempotent">
        {t('history.idempotent')}
      </Text>
      <Input.Wrapper label={t('history.choose')} description={t('history.chooseHint')} id={fileId}>
        <input
          id={fileId}
          type="file"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={choose}
          disabled={start.isPending || (importId !== null && imported.data?.status === 'running')}
          data-testid="history-files"
          style={{ display: 'block', marginTop: 6 }}
        />
      </Input.Wrapper>
      {readError && <ErrorAlert message={t('history.readFailed')} />}
      {files.length > 0 && (
        <Text size="sm" data-testid="history-chosen">
          {t('history.chosen', { count: files.length, names: files.map((f) => f.name).join(', ') })}
        </Text>
      )}
      {inspect.isPending && <Spinner />}
      <ErrorAlert error={inspect.error} />
      {inspect.data && (
        <Stack gap="xs" data-testid="history-inspected">
          <TablesRead inspect={inspect.data} />
          {inspect.data.errors.map((e) => (
            <ErrorAlert key={`${e.file}-${e.line}`} message={`${e.file} : ${e.message}`} />
          ))}
          {mappings.map((mapping) => {
            const table = inspect.data.tables.find((x) => x.table === mapping.table);
            if (!table) return null;
            return (
              <MappingStep
                key={mapping.table}
                inspect={inspect.data}
                table={table}
                mapping={mapping}
                disabled={importId !== null}
                onChange={(next) => {
                  setMappings(mappings.map((m) => (m.table === next.table ? next : m)));
                  setCheckId(null);
                }}
              />
            );
          })}
        </Stack>
      )}
      <Checkbox
        label={t('history.validOnly')}
        description={t('history.validOnlyHint')}
        checked={validOnly}
        onChange={(event) => {
          setValidOnly(event.currentTarget.checked);
          setCheckId(null);
        }}
        disabled={importId !== null}
        data-testid="history-valid-only"
      />
      <ErrorAlert error={start.error} />
      <Group>
        <Button
          variant={checked ? 'default' : 'filled'}
          onClick={() => run(true)}
          loading={(start.isPending && checkId === null) || reading || check.data?.status === 'running'}
          disabled={files.length === 0 || importId !== null || inspect.isPending}
          data-testid="history-check"
        >
          {t('history.check')}
        </Button>
        <Button
          onClick={() => run(false)}
          loading={start.isPending && checkId !== null}
          disabled={!canImport || importId !== null}
          data-testid="history-import"
        >
          {t('history.import')}
        </Button>
      </Group>
      {checkId !== null && importId === null && <JobPanel query={check} />}
      {importId !== null && <JobPanel query={imported} />}
      <RecentImports />
    </Stack>
  );
}

function JobPanel({ query }: { query: ReturnType<typeof useHistoryImportJob> }) {
  if (query.isPending) return <Spinner />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <JobView job={query.data} />;
}

function JobView({ job }: { job: HistoryImportJob }) {
  const t = useT();
  const percent = job.total === 0 ? 100 : Math.round((job.processed / job.total) * 100);
  const title = job.dryRun
    ? job.status === 'running'
      ? 'history.checking'
      : 'history.checked'
    : job.status === 'running'
      ? 'history.running'
      : 'history.result';
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="history-job-title"
      data-testid="history-job"
      data-status={job.status}
    >
      <Title order={2} size="h3" id="history-job-title">
        {t(title)}
      </Title>
      {!job.dryRun && (
        <>
          <Progress.Root size="xl">
            <Progress.Section
              value={percent}
              color={job.status === 'failed' ? 'red' : job.status === 'done' ? 'green' : 'blue'}
              aria-label={t('history.progress')}
              aria-valuetext={t('history.progressCount', { processed: job.processed, total: job.total })}
            />
          </Progress.Root>
          <Text role="status" data-testid="history-progress">
            {t('history.progressCount', { processed: job.processed, total: job.total })}
          </Text>
        </>
      )}
      {job.status === 'done' && (
        <Alert color={job.errorCount > 0 ? 'yellow' : 'green'} data-testid="history-summary">
          {t(job.dryRun ? 'history.summary.checked' : 'history.summary.done', {
            rows: job.total,
            errors: job.errorCount,
            skipped: job.skippedCount,
          })}
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert color="red" role="alert" data-testid="history-summary">
          {t('history.summary.failed', { errors: job.errorCount })}
        </Alert>
      )}
      {job.status !== 'running' && <CountsTable job={job} />}
      {job.errors.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('history.errors.title', { count: job.errorCount })}
          </Title>
          <Table.ScrollContainer
            minWidth={640}
            mah={420}
            scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
          >
            <Table verticalSpacing={4} striped stickyHeader data-testid="history-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={180}>{t('history.errors.file')}</Table.Th>
                  <Table.Th w={70}>{t('history.errors.line')}</Table.Th>
                  <Table.Th w={170}>{t('history.errors.field')}</Table.Th>
                  <Table.Th>{t('history.errors.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.errors.map((e, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several errors
                  <Table.Tr key={`${e.file}-${e.line}-${e.field}-${index}`}>
                    <Table.Td>{e.file}</Table.Td>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>
                      <code>{e.field}</code>
                    </Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {job.errorCount > job.errors.length && (
            <Text size="sm" c="dimmed">
              {t('history.errors.more', { count: job.errorCount - job.errors.length })}
            </Text>
          )}
        </Stack>
      )}
      {job.skipped.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('history.skipped.title', { count: job.skippedCount })}
          </Title>
          <List size="sm" data-testid="history-skipped">
            {job.skipped.map((s) => (
              <List.Item key={`${s.file}-${s.line}`}>
                {s.file}, {t('history.errors.line').toLowerCase()} {s.line} : {s.message}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function CountsTable({ job }: { job: HistoryImportJob }) {
  const t = useT();
  const future = job.dryRun || !job.written;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} striped data-testid="history-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.counts.entity')}</Table.Th>
            <Table.Th ta="right">{t(future ? 'history.counts.toCreate' : 'history.counts.created')}</Table.Th>
            <Table.Th ta="right">{t(future ? 'history.counts.toUpdate' : 'history.counts.updated')}</Table.Th>
            <Table.Th ta="right">{t('history.counts.unchanged')}</Table.Th>
            <Table.Th ta="right">{t('history.counts.linked')}</Table.Th>
            <Table.Th ta="right">{t('history.counts.skipped')}</Table.Th>
            <Table.Th ta="right">{t('history.counts.errors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {HISTORY_ENTITIES.map((entity) => {
            const c = job.counts[entity];
            if (!c) return null;
            return (
              <Table.Tr key={entity} data-testid={`history-count-${entity}`}>
                <Table.Th scope="row">{t(`history.entity.${entity}`)}</Table.Th>
                <Table.Td ta="right">{c.created}</Table.Td>
                <Table.Td ta="right">{c.updated}</Table.Td>
                <Table.Td ta="right">{c.unchanged}</Table.Td>
                <Table.Td ta="right">{c.linked}</Table.Td>
                <Table.Td ta="right">{c.skipped}</Table.Td>
                <Table.Td ta="right">{c.errors}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
