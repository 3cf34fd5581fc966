import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import type { Duplicate } from './useBceLookup.ts';

/** « Cet employeur existe déjà : … » with a link to its file, instead of a second file. */
export function DuplicateNotice({ duplicate }: { duplicate: Duplicate }) {
  const t = useT();
  return (
    <Alert color="orange" role="alert" data-testid="duplicate-employer">
      <Text size="sm" fw={700}>
        {t('employer.duplicate.text')}{' '}
        <Anchor
          component={Link}
          to={`/employers/${duplicate.id}`}
          c="dark.9"
          underline="always"
          data-testid="duplicate-link"
        >
          {duplicate.name ?? t('employer.duplicate.open')}
        </Anchor>
      </Text>
      <Text size="sm" mt={4}>
        {t('employer.duplicate.hint')}
      </Text>
    </Alert>
  );
}
