import type { OrganisationSettings } from '@jobcoach/contract';
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../api.ts';
import { currentMembership } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../forms/errors.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { RetentionSettings } from './RetentionSettings.tsx';
import { useSaveSettings, useSettings } from './settings-api.ts';
import {
  checkSettings,
  PLACEHOLDERS,
  type SettingsErrors,
  type SettingsValues,
  toSettings,
  valuesOf,
} from './settings-form.ts';

/**
 * « Paramètres de l'organisation »: persons per ETP, candidates presented at once per offer, contact
 * cadence, trust contract template.
 */
export function SettingsPage() {
  const t = useT();
  const me = useSession();
  const organisationId = me.currentOrganisationId ?? '';
  const settings = useSettings(organisationId);
  const name = currentMembership(me)?.organisationName;
  return (
    <Stack gap="md" maw={880}>
      <PageHeading>{t('settings.title')}</PageHeading>
      {name && <Text>{t('settings.intro', { organisation: name })}</Text>}
      {settings.isPending ? (
        <Spinner />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <SettingsForm organisationId={organisationId} settings={settings.data} />
      )}
      {organisationId && settings.data ? <RetentionSettings organisationId={organisationId} /> : null}
    </Stack>
  );
}

function SettingsForm({
  organisationId,
  settings,
}: {
  organisationId: string;
  settings: OrganisationSettings;
}) {
  const t = useT();
  const intl = useIntl();
  const describe = useErrorMessage();
  const save = useSaveSettings(organisationId);
  const format = (n: number) => intl.formatNumber(n, { maximumFractionDigits: 2, useGrouping: false });
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(settings, format));
  const [version, setVersion] = useState(settings.version);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ message: string; current: OrganisationSettings } | null>(null);
  const [saved, setSaved] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  const change = (next: Partial<SettingsValues>) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, ...next }));
  };
  const setStep = (index: number, field: 'untilMonth' | 'days', value: string) =>
    change({ steps: values.steps.map((s, i) => (i === index ? { ...s, [field]: value } : s)) });

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'stale_version') {
      const current = error.current as OrganisationSettings | undefined;
      if (current && typeof current.version === 'number') {
        setConflict({ message: describe(error), current });
        setVersion(current.version);
        return;
      }
    }
    const field = error instanceof ApiError ? error.field : undefined;
    const key = field === 'trustContractTemplate' ? 'template' : field?.replace(/^cadence\./, '');
    if (key) setErrors({ [key]: describe(error) });
    else setFormError(describe(error));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkSettings(values, t);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(toSettings(values, version), {
      onSuccess: (next) => {
        setVersion(next.version);
        setValues(valuesOf(next, format));
        setConflict(null);
        setSaved(true);
      },
      onError,
    });
  };

  return (
    <form ref={ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" title={t('conflict.title')} role="alert" data-testid="settings-conflict">
            <Text size="sm">{conflict.message}</Text>
            <Text size="sm" mt={4}>
              {t('settings.conflict', {
                perFte: format(conflict.current.personsPerFte),
                days: conflict.current.cadence.preHireDays,
              })}
            </Text>
            <Button
              mt="xs"
              size="xs"
              variant="default"
              onClick={() => {
                setValues(valuesOf(conflict.current, format));
                setConflict(null);
              }}
            >
              {t('settings.takeSaved')}
            </Button>
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </Alert>
        )}
        <Card component="section" withBorder aria-labelledby="settings-caseload">
          <Title order={2} size="h3" id="settings-caseload" mb="xs">
            {t('settings.caseload')}
          </Title>
          <TextInput
            label={t('settings.personsPerFte')}
            description={t('settings.personsPerFteHint')}
            inputMode="decimal"
            maw={320}
            value={values.personsPerFte}
            onChange={(e) => change({ personsPerFte: e.currentTarget.value })}
            error={errors.personsPerFte}
          />
        </Card>
        <Card component="section" withBorder aria-labelledby="settings-presentations">
          <Title order={2} size="h3" id="settings-presentations" mb="xs">
            {t('settings.presentations')}
          </Title>
          <TextInput
            label={t('settings.presentationCap')}
            description={t('settings.presentationCapHint')}
            inputMode="numeric"
            maw={320}
            value={values.presentationCap}
            onChange={(e) => change({ presentationCap: e.currentTarget.value })}
            error={errors.presentationCap}
            data-testid="settings-presentation-cap"
          />
        </Card>
        <Card component="section" withBorder aria-labelledby="settings-cadence">
          <Title order={2} size="h3" id="settings-cadence" mb="xs">
            {t('settings.cadence')}
          </Title>
          <Text size="sm" mb="sm">
            {t('settings.cadenceIntro')}
          </Text>
          <TextInput
            label={t('settings.preHireDays')}
            inputMode="numeric"
            maw={320}
            value={values.preHireDays}
            onChange={(e) => change({ preHireDays: e.currentTarget.value })}
            error={errors.preHireDays}
          />
          <Text fw={600} mt="md" id="settings-steps">
            {t('settings.followUp')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.followUpHint')}
          </Text>
          <Table maw={560} mt="xs" aria-labelledby="settings-steps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.untilMonth')}</Table.Th>
                <Table.Th>{t('settings.days')}</Table.Th>
                <Table.Th>{t('team.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity but their place
                <Table.Tr key={index}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('settings.untilMonthLabel', { n: index + 1 })}
                      inputMode="numeric"
                      value={step.untilMonth}
                      onChange={(e) => setStep(index, 'untilMonth', e.currentTarget.value)}
                      error={errors[`followUp.${index}.untilMonth`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('settings.daysLabel', { n: index + 1 })}
                      inputMode="numeric"
                      value={step.days}
                      onChange={(e) => setStep(index, 'days', e.currentTarget.value)}
                      error={errors[`followUp.${index}.days`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={values.steps.length === 1}
                      aria-label={t('settings.removeStepLabel', { n: index + 1 })}
                      onClick={() => change({ steps: values.steps.filter((_, i) => i !== index) })}
                    >
                      {t('settings.removeStep')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.followUp && (
            <Text c="red.9" size="sm">
              {errors.followUp}
            </Text>
          )}
          <Group mt="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => change({ steps: [...values.steps, { untilMonth: '', days: '' }] })}
            >
              {t('settings.addStep')}
            </Button>
          </Group>
        </Card>
        <Card component="section" withBorder aria-labelledby="settings-template">
          <Title order={2} size="h3" id="settings-template" mb="xs">
            {t('settings.template')}
          </Title>
          <Text size="sm">{t('settings.templateIntro')}</Text>
          <List size="sm" my="xs" spacing={2}>
            {PLACEHOLDERS.map((p) => (
              <List.Item key={p}>
                <Code>{`{{${p}}}`}</Code> — {t(`settings.placeholder.${p}`)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mb="xs">
            {t('settings.templateFormat')}
          </Text>
          <Textarea
            label={t('settings.templateLabel')}
            autosize
            minRows={10}
            maxRows={30}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            value={values.template}
            onChange={(e) => change({ template: e.currentTarget.value })}
            error={errors.template}
          />
        </Card>
        <ErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
