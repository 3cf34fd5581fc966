import { Alert, Button, Table, Text } from '@mantine/core';
import { type Translate, useT } from '../i18n/index.ts';
import { EMPLOYER_FIELDS, type EmployerField, type EmployerValues } from './employer-form.ts';

export type EmployerConflictState = {
  message: string;
  /** What the file holds now, saved by someone else. */
  current: EmployerValues;
  /** What the form held when saving was refused. */
  mine: EmployerValues;
  /** What the form had been read from. */
  read: EmployerValues;
};

function display(field: EmployerField, text: string, t: Translate): string {
  if (text.trim() === '') return t('conflict.empty');
  if (field === 'sizeClass') return t(`sizeClass.${text as 'lt10'}`);
  if (field === 'sector') return t(`employerSector.${text as 'private'}`);
  if (field === 'status') return t(`employerStatus.${text as 'partner'}`);
  return text;
}

/**
 * After a 409 `stale_version`: the fields someone else changed or that the coach changed, side by
 * side (saved now / in the form), each with a button to take the other value. Nothing is lost.
 */
export function EmployerConflict({
  conflict,
  values,
  choose,
}: {
  conflict: EmployerConflictState;
  values: EmployerValues;
  choose: (field: EmployerField, value: string) => void;
}) {
  const t = useT();
  const { current, mine, read } = conflict;
  const rows = EMPLOYER_FIELDS.filter(
    (f) => current[f] !== read[f] || (mine[f] !== read[f] && mine[f] !== current[f]),
  );
  return (
    <Alert color="orange" title={t('conflict.title')} role="alert" data-testid="employer-conflict">
      <Text size="sm">{conflict.message}</Text>
      <Text size="sm" mt={4}>
        {t('employer.conflictExplain')}
      </Text>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560} mt="sm">
          <Table verticalSpacing={4} bg="white" withTableBorder data-testid="employer-conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflict.field')}</Table.Th>
                <Table.Th>{t('conflict.saved')}</Table.Th>
                <Table.Th>{t('conflict.yours')}</Table.Th>
                <Table.Th>{t('team.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => {
                const rowId = `employer-conflict-${f}`;
                const takeSaved = values[f] !== current[f];
                const takeMine = !takeSaved && mine[f] !== read[f] && mine[f] !== current[f];
                return (
                  <Table.Tr key={f}>
                    <Table.Th scope="row" id={rowId}>
                      {t(`employer.field.${f}`)}
                    </Table.Th>
                    <Table.Td>{display(f, current[f], t)}</Table.Td>
                    <Table.Td>{display(f, values[f], t)}</Table.Td>
                    <Table.Td>
                      {(takeSaved || takeMine) && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-describedby={rowId}
                          onClick={() => choose(f, takeSaved ? current[f] : mine[f])}
                        >
                          {t(takeSaved ? 'conflict.takeSaved' : 'conflict.takeMine')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Alert>
  );
}
