import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import { PageHeading } from './PageHeading.tsx';

/** A page that only explains something (not found, no access) and leads back home. */
function Notice({ title, text }: { title: string; text: string }) {
  const t = useT();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Card withBorder padding="lg" maw={680}>
        <Text>{text}</Text>
        <Anchor component={Link} to="/" mt="md">
          {t('notFound.home')}
        </Anchor>
      </Card>
    </>
  );
}

export function NotFound() {
  const t = useT();
  return <Notice title={t('notFound.title')} text={t('notFound.body')} />;
}

export type ForbiddenReason = 'team' | 'admin' | 'persons' | 'settings';

export function Forbidden({ reason }: { reason: ForbiddenReason }) {
  const t = useT();
  return <Notice title={t('forbidden.title')} text={t(`forbidden.${reason}`)} />;
}
