import { Alert, Button, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/index.ts';
import { PERSON_FIELDS, type PersonField, type PersonValues } from '../person-form.ts';
import { displayValue } from './display.ts';

export type Conflict = {
  message: string;
  /** What the file holds now, saved by someone else. */
  current: PersonValues;
  /** What the form held when saving was refused. */
  mine: PersonValues;
  /** What the form had been read from. */
  read: PersonValues;
};

type Props = {
  conflict: Conflict;
  values: PersonValues;
  choose: (field: PersonField, value: string) => void;
};

/**
 * After a 409 `stale_version`: the fields someone else changed or that the person changed, side by
 * side (saved now / in the form), each with a button to take the other value. Nothing is lost.
 */
export function ConflictPanel({ conflict, values, choose }: Props) {
  const t = useT();
  const { current, mine, read } = conflict;
  const rows = PERSON_FIELDS.filter(
    (f) => current[f] !== read[f] || (mine[f] !== read[f] && mine[f] !== current[f]),
  );
  return (
    <Alert color="orange" title={t('conflict.title')} role="alert" data-testid="conflict">
      <Text size="sm">{conflict.message}</Text>
      <Text size="sm" mt={4}>
        {t('conflict.explain')}
      </Text>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560} mt="sm">
          <Table verticalSpacing={4} bg="white" withTableBorder data-testid="conflict-table">
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
                const takesSaved = values[f] !== current[f];
                const rowId = `conflict-${f}`;
                return (
                  <Table.Tr key={f}>
                    <Table.Th scope="row" id={rowId}>
                      {t(`person.${f}`)}
                    </Table.Th>
                    <Table.Td>{displayValue(f, current[f], t)}</Table.Td>
                    <Table.Td>{displayValue(f, values[f], t)}</Table.Td>
                    <Table.Td>
                      {takesSaved ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => choose(f, current[f])}
                          aria-describedby={rowId}
                        >
                          {t('conflict.takeSaved')}
                        </Button>
                      ) : mine[f] !== read[f] && mine[f] !== current[f] ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => choose(f, mine[f])}
                          aria-describedby={rowId}
                        >
                          {t('conflict.takeMine')}
                        </Button>
                      ) : null}
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
