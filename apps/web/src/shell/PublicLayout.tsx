import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { LanguageSelect } from './LanguageSelect.tsx';

/** The frame of the pages seen without a session: setup and login, with the language choice. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <>
      <Box component="header" px="md" py="sm" bg="blue.8">
        <Group justify="space-between" wrap="nowrap">
          <Text c="white" fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSelect />
        </Group>
      </Box>
      <Container component="main" id="main" size={wide ? 'sm' : 'xs'} py="xl">
        {children}
      </Container>
    </>
  );
}
