import { Button, Group, Text } from '@mantine/core';
import { type RefObject, useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';

type Props = { value: string; label: string; target: RefObject<HTMLElement | null> };

/**
 * « Copier »: puts `value` on the clipboard and says so. Where there is no clipboard (an address
 * without https), the text shown in `target` is selected instead, for Ctrl+C.
 */
export function CopyButton({ value, label, target }: Props) {
  const t = useT();
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null);

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setStatus(null), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      if (target.current) window.getSelection()?.selectAllChildren(target.current);
      setStatus('selected');
    }
  };

  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={copy} aria-label={label}>
        {t('copy.label')}
      </Button>
      <Text size="sm" role="status">
        {status === 'copied' ? t('copy.done') : status === 'selected' ? t('copy.selected') : ''}
      </Text>
    </Group>
  );
}
