import type { HistoryDocumentation } from '@jobcoach/contract';
import { Alert, Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { Markdown } from './Markdown.tsx';

/** The import's documentation (docs/import.md), reachable from the import page. */
export function HistoryHelpPage() {
  const t = useT();
  const doc = useQuery({
    queryKey: ['history-import', 'documentation'],
    queryFn: () => api.get<HistoryDocumentation>('/api/history-imports/documentation'),
  });
  return (
    <Stack gap="sm" maw={1100} data-testid="history-help">
      <PageHeading>{t('history.help.title')}</PageHeading>
      <Anchor component={Link} to="/history-import">
        {t('history.help.back')}
      </Anchor>
      <Alert color="blue" variant="light">
        {t('history.help.language')}
      </Alert>
      {doc.isPending && <Spinner />}
      {doc.error && <ErrorAlert error={doc.error} onRetry={() => doc.refetch()} />}
      {doc.data && <Markdown source={doc.data.markdown} />}
    </Stack>
  );
}
