import type { ImportField, RowError } from '@jobcoach/contract';
import { Table, Text } from '@mantine/core';
import { type Translate, useT } from '../i18n/index.ts';
import { IMPORT_FIELDS } from './import-fields.ts';

/** « mapping.title » or « title » → « Intitulé du poste »; other names as the server gives them. */
function fieldName(field: string, t: Translate): string {
  const name = field.replace(/^mapping\./, '');
  return IMPORT_FIELDS.includes(name as ImportField) ? t(`importField.${name as ImportField}`) : field;
}

/** Per-row problems as the server words them: line of the file, field, French message. */
export function RowErrorsTable({
  errors,
  total,
  testId,
}: {
  errors: RowError[];
  total: number;
  testId: string;
}) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <>
      <Table.ScrollContainer minWidth={560} mah={360} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table verticalSpacing={4} striped stickyHeader data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('import.errors.line')}</Table.Th>
              <Table.Th w={200}>{t('import.errors.field')}</Table.Th>
              <Table.Th>{t('import.errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several errors on one field
              <Table.Tr key={`${e.line}-${e.field}-${index}`}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{fieldName(e.field, t)}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > errors.length && (
        <Text size="sm" c="dimmed">
          {t('import.errors.more', { count: total - errors.length })}
        </Text>
      )}
    </>
  );
}
