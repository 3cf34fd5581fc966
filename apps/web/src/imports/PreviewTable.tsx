import type { ImportPreviewRow } from '@jobcoach/contract';
import { Badge, Table, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { contractText } from '../vacancies/contract.ts';

/** The first rows as they would be imported. */
export function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={860} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table verticalSpacing={4} striped data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.errors.line')}</Table.Th>
            <Table.Th>{t('importField.sourceRef')}</Table.Th>
            <Table.Th>{t('importField.title')}</Table.Th>
            <Table.Th>{t('importField.employerName')}</Table.Th>
            <Table.Th>{t('importField.commune')}</Table.Th>
            <Table.Th>{t('vacancies.col.contract')}</Table.Th>
            <Table.Th>{t('importField.openedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.sourceRef}</Table.Td>
              <Table.Td>{row.title}</Table.Td>
              <Table.Td>
                {row.employerName}
                {row.employerId === null && (
                  <Badge size="xs" variant="light" color="orange" ml={6}>
                    {t('import.preview.newEmployer')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{row.commune ?? ''}</Table.Td>
              <Table.Td>{contractText(row, t)}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDay(row.openedOn)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
