import type { TotpSetup } from '@jobcoach/contract';
import { Anchor, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { useEnableTotp } from './account-api.ts';
import { CopyButton } from './CopyButton.tsx';
import { checkTotpCode, cleanTotpCode, TotpCodeInput } from './TotpCodeInput.tsx';

/** « ABCD EFGH IJKL… »: easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

type Props = { setup: TotpSetup; onCancel: () => void; onEnabled: () => void };

/** The new secret (to type or open in an authenticator app), then a first code to switch it on. */
export function TotpEnrolment({ setup, onCancel, onEnabled }: Props) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const secret = useRef<HTMLElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const form = useForm({ code: '' });
  const enable = useEnableTotp();

  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ code: checkTotpCode(form.values.code, t) })) return;
    enable.mutate(cleanTotpCode(form.values.code), { onSuccess: onEnabled, onError: form.fail });
  };

  return (
    <Stack gap="sm">
      <Title order={3} ref={heading} tabIndex={-1}>
        {t('account.totp.setupTitle')}
      </Title>
      <Text>{t('account.totp.instructions')}</Text>
      <Stack gap={4}>
        <Text fw={600}>{t('account.totp.secret')}</Text>
        <Group gap="sm" align="center">
          <Code ref={secret} fz="lg" data-testid="totp-secret" style={{ letterSpacing: '0.05em' }}>
            {groupSecret(setup.secret)}
          </Code>
          <CopyButton value={setup.secret} label={t('account.totp.copySecret')} target={secret} />
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text fw={600}>{t('account.totp.link')}</Text>
        <Text size="sm" c="dimmed">
          {t('account.totp.linkHint')}
        </Text>
        <Anchor
          ref={link}
          href={setup.otpauthUrl}
          size="sm"
          data-testid="totp-link"
          style={{ wordBreak: 'break-all' }}
        >
          {setup.otpauthUrl}
        </Anchor>
        <CopyButton value={setup.otpauthUrl} label={t('account.totp.copyLink')} target={link} />
      </Stack>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm" mt="sm">
          <ErrorAlert message={form.formError} />
          <TotpCodeInput {...form.input('code')} />
          <Group>
            <Button type="submit" loading={enable.isPending}>
              {t('account.totp.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
