import { Text } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';

type ListQuery = { data: readonly unknown[] | undefined; error: unknown; refetch: () => unknown };

/** What a loaded list shows besides its rows: the load failure (with « Réessayer ») or its empty line. */
export function ListState({ query, empty }: { query: ListQuery; empty: string }) {
  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {query.data && query.data.length === 0 ? <Text>{empty}</Text> : null}
    </>
  );
}
