import { Box, Container, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/** The frame of the pages seen without a session: setup and login. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <>
      <Box component="header" px="md" py="sm" bg="blue.8">
        <Text c="white" fw={700} size="lg">
          {t('app.name')}
        </Text>
      </Box>
      <Container component="main" id="main" size={wide ? 'sm' : 'xs'} py="xl">
        {children}
      </Container>
    </>
  );
}
