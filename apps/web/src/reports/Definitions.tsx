import { STEERING_DEFINITIONS } from '@jobcoach/domain';
import { Accordion, Text } from '@mantine/core';
import { useT } from '../i18n/index.ts';

/** How each figure is counted: the definitions printed with the exports, in French. */
export function Definitions() {
  const t = useT();
  return (
    <Accordion variant="contained" data-testid="report-definitions">
      <Accordion.Item value="definitions">
        <Accordion.Control>{t('reports.definitions')}</Accordion.Control>
        <Accordion.Panel>
          <dl style={{ margin: 0 }}>
            {STEERING_DEFINITIONS.map((entry) => (
              <div key={entry.term} style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
                <Text component="dt" fw={700} size="sm">
                  {entry.term}
                </Text>
                <Text component="dd" size="sm" ms={0}>
                  {entry.definition}
                </Text>
              </div>
            ))}
          </dl>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
