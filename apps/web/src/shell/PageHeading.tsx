import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useT } from '../i18n/index.ts';

/** The one <h1> of a page; it also names the browser tab. */
export function PageHeading({ children }: { children: string }) {
  const t = useT();
  useDocumentTitle(`${children} – ${t('app.name')}`);
  return (
    <Title order={1} mb="md">
      {children}
    </Title>
  );
}
