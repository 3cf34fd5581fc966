import { Alert, Button } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { useErrorMessage } from './errors.ts';

type Props = { error?: unknown; message?: string | null; onRetry?: () => void };

/**
 * A red box that is read out at once by screen readers. Renders nothing without an error.
 * A load failure (with « Réessayer ») gets a title; a form's error is just its message.
 */
export function ErrorAlert({ error, message, onRetry }: Props) {
  const t = useT();
  const describe = useErrorMessage();
  const text = message ?? (error ? describe(error) : null);
  if (!text) return null;
  return (
    <Alert color="red" title={onRetry ? t('error.title') : undefined} role="alert">
      {text}
      {onRetry && (
        <Button mt="sm" variant="outline" color="red" size="xs" onClick={onRetry} display="block">
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
