import { Button, Group } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { type ExportFormat, exportUrl, type ReportQuery } from './reports-api.ts';

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'pdf'];

/** The same report as a file: links the browser downloads with the session cookie. */
export function ExportLinks({ query }: { query: ReportQuery | null }) {
  const t = useT();
  return (
    <Group gap="xs" data-testid="report-exports">
      {FORMATS.map((format) =>
        query ? (
          <Button key={format} component="a" href={exportUrl(query, format)} download variant="light">
            {t(`reports.export.${format}`)}
          </Button>
        ) : (
          <Button key={format} variant="light" disabled>
            {t(`reports.export.${format}`)}
          </Button>
        ),
      )}
    </Group>
  );
}
