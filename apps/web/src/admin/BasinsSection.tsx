import type { Basin } from '@jobcoach/contract';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useBasins, useCreateBasin, useUpdateBasin } from './basins-api.ts';
import { RenameBasinModal } from './RenameBasinModal.tsx';

/** Employment basins (bassins d'emploi): add, rename, deactivate (never delete: organisations keep theirs). */
export function BasinsSection() {
  const t = useT();
  const basins = useBasins();
  const create = useCreateBasin();
  const toggle = useUpdateBasin();
  const form = useForm({ name: '' });
  const [renaming, setRenaming] = useState<Basin | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ name: required(form.values.name, t) })) return;
    create.mutate(form.values.name.trim(), {
      onSuccess: (basin) => {
        form.reset();
        setNotice(t('admin.basin.added', { name: basin.name }));
      },
      onError: form.fail,
    });
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="admin-basins">
      <Title order={2} id="admin-basins">
        {t('admin.basins')}
      </Title>
      <Text>{t('admin.basin.intro')}</Text>
      <form ref={form.ref} onSubmit={add} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput label={t('admin.basin.new')} required withAsterisk={false} {...form.input('name')} />
          <Button type="submit" loading={create.isPending} mt={25}>
            {t('admin.basin.add')}
          </Button>
        </Group>
        <ErrorAlert message={form.formError} />
      </form>
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      <ErrorAlert error={toggle.error} />
      {basins.isPending ? (
        <Spinner />
      ) : basins.error ? (
        <ErrorAlert error={basins.error} onRetry={() => basins.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="sm" maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.basin.col.name')}</Table.Th>
                <Table.Th>{t('admin.basin.col.status')}</Table.Th>
                <Table.Th>{t('admin.basin.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {basins.data.map((basin) => (
                <Table.Tr key={basin.id}>
                  <Table.Td>{basin.name}</Table.Td>
                  <Table.Td>
                    <Badge color={basin.active ? 'green' : 'gray'} variant="light">
                      {t(basin.active ? 'admin.basin.active' : 'admin.basin.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('admin.basin.renameLabel', { name: basin.name })}
                        onClick={() => setRenaming(basin)}
                      >
                        {t('admin.basin.rename')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t(
                          basin.active ? 'admin.basin.deactivateLabel' : 'admin.basin.activateLabel',
                          {
                            name: basin.name,
                          },
                        )}
                        loading={toggle.isPending && toggle.variables?.id === basin.id}
                        onClick={() => toggle.mutate({ id: basin.id, active: !basin.active })}
                      >
                        {t(basin.active ? 'admin.basin.deactivate' : 'admin.basin.activate')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {renaming && <RenameBasinModal basin={renaming} onClose={() => setRenaming(null)} />}
    </Stack>
  );
}
