import type { ImportField, ImportMapping, ImportPreview } from '@jobcoach/contract';
import { Alert, Button, Checkbox, Group, Input, Stack, Text, Title } from '@mantine/core';
import { type ChangeEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { readCsvFile } from './import-fields.ts';
import { usePreviewImport, useStartImport } from './imports-api.ts';
import { MappingTable } from './MappingTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { RowErrorsTable } from './RowErrorsTable.tsx';

/**
 * « Importer un fichier CSV » of vacancies (a FOREm export, a spreadsheet): the file is read in
 * the browser, the server proposes which column feeds which field and shows the first rows and
 * every row's problems; then the import runs on the server, its progress read every second.
 */
export function ImportPage() {
  const t = useT();
  const fileId = useId();
  const preview = usePreviewImport();
  const start = useStartImport();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [readError, setReadError] = useState(false);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [validOnly, setValidOnly] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  // A new input once an import starts: choosing the same file again must read it again.
  const [inputKey, setInputKey] = useState(0);

  const examine = (text: string, chosen?: ImportMapping) =>
    preview.mutate(
      { csv: text, ...(chosen ? { mapping: chosen } : {}) },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setMapping(answer.mapping);
        },
      },
    );

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setResult(null);
    setJobId(null);
    setReadError(false);
    start.reset();
    if (!file) return;
    setFileName(file.name);
    try {
      const text = await readCsvFile(file);
      setCsv(text);
      examine(text);
    } catch {
      setReadError(true);
    }
  };

  const remap = (field: ImportField, column: string) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    setMapping(next);
    if (csv !== null) examine(csv, next);
  };

  const launch = () => {
    if (csv === null) return;
    start.mutate(
      { csv, mapping, validOnly },
      {
        onSuccess: ({ jobId: id }) => {
          setJobId(id);
          setInputKey((k) => k + 1);
        },
      },
    );
  };

  const errorCount = result ? result.errorCount : 0;
  const mappingProblems = result?.errors.some((e) => e.field.startsWith('mapping.')) ?? false;

  return (
    <Stack gap="md" maw={1100}>
      <PageHeading>{t('import.title')}</PageHeading>
      <Text>{t('import.intro')}</Text>
      <Text fw={600} data-testid="import-idempotent">
        {t('import.idempotent')}
      </Text>
      <Input.Wrapper label={t('import.file')} description={t('import.fileHint')} id={fileId}>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={choose}
          disabled={start.isPending}
          data-testid="import-file"
          style={{ display: 'block', marginTop: 6 }}
        />
      </Input.Wrapper>
      {readError && <ErrorAlert message={t('import.readFailed')} />}
      <ErrorAlert error={preview.error} />
      {preview.isPending && !result && <Spinner />}
      {result && jobId === null && (
        <>
          <Alert color="blue" variant="light" data-testid="import-detected">
            {t('import.detected', {
              file: fileName,
              rows: result.rows,
              columns: result.columns.length,
              delimiter: result.delimiter === '\t' ? t('import.tab') : result.delimiter,
            })}
          </Alert>
          <Stack component="section" gap="xs" aria-labelledby="import-mapping-title">
            <Title order={2} size="h3" id="import-mapping-title">
              {t('import.mapping.title')}
            </Title>
            <Text size="sm">{t('import.mapping.intro')}</Text>
            <MappingTable
              columns={result.columns}
              mapping={mapping}
              onChange={remap}
              disabled={preview.isPending}
            />
          </Stack>
          {result.preview.length > 0 && (
            <Stack component="section" gap="xs" aria-labelledby="import-preview-title">
              <Title order={2} size="h3" id="import-preview-title">
                {t('import.preview.title', { count: result.preview.length })}
              </Title>
              <PreviewTable rows={result.preview} />
            </Stack>
          )}
          <Stack component="section" gap="xs" aria-labelledby="import-errors-title">
            <Title order={2} size="h3" id="import-errors-title">
              {t('import.errors.title', { count: errorCount })}
            </Title>
            {errorCount === 0 ? (
              <Text data-testid="import-no-errors">{t('import.errors.none')}</Text>
            ) : (
              <RowErrorsTable errors={result.errors} total={errorCount} testId="import-errors" />
            )}
          </Stack>
          <Stack gap="sm">
            <Checkbox
              label={t('import.validOnly')}
              description={t('import.validOnlyHint')}
              checked={validOnly}
              onChange={(event) => setValidOnly(event.currentTarget.checked)}
              data-testid="import-valid-only"
            />
            <ErrorAlert error={start.error} />
            <Group>
              <Button
                onClick={launch}
                loading={start.isPending}
                disabled={preview.isPending || mappingProblems || (errorCount > 0 && !validOnly)}
                data-testid="import-submit"
              >
                {t('import.submit', { rows: result.rows })}
              </Button>
              {errorCount > 0 && !validOnly && !mappingProblems && (
                <Text size="sm">{t('import.fixOrValidOnly')}</Text>
              )}
            </Group>
          </Stack>
        </>
      )}
      {jobId !== null && (
        <>
          <ImportProgress jobId={jobId} />
          <Group>
            <Button component={Link} to="/offers" variant="default">
              {t('import.backToOffers')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
