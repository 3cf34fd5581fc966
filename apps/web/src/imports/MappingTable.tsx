import type { ImportField, ImportMapping } from '@jobcoach/contract';
import { Badge, NativeSelect, Table } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from './import-fields.ts';

/** Each vacancy field and the column of the file that feeds it (guessed by the server). */
export function MappingTable({
  columns,
  mapping,
  onChange,
  disabled,
}: {
  columns: string[];
  mapping: ImportMapping;
  onChange: (field: ImportField, column: string) => void;
  disabled: boolean;
}) {
  const t = useT();
  const options = [
    { value: '', label: t('import.mapping.none') },
    ...columns.map((c) => ({ value: c, label: c })),
  ];
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} striped data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.mapping.field')}</Table.Th>
            <Table.Th>{t('import.mapping.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {IMPORT_FIELDS.map((field) => {
            const id = `mapping-${field}`;
            return (
              <Table.Tr key={field}>
                <Table.Th scope="row" fw={500}>
                  <label htmlFor={id}>{t(`importField.${field}`)}</label>{' '}
                  {REQUIRED_IMPORT_FIELDS.includes(field) && (
                    <Badge size="xs" variant="light" color="blue" ml={4}>
                      {t('import.mapping.required')}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    id={id}
                    size="xs"
                    data={options}
                    value={mapping[field] ?? ''}
                    disabled={disabled}
                    onChange={(event) => onChange(field, event.currentTarget.value)}
                    data-testid={id}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
