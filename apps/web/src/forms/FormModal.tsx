import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { createContext, type ReactNode, use, useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n/index.ts';

/** The guarded close of the dialog a form sits in (its « Annuler » button asks for it). */
const CloseRequest = createContext<(() => void) | null>(null);

/**
 * A dialog holding a form: full screen on a phone, its close button named in the user's language.
 * Built from parts so that its header is not a second « banner » landmark of the page.
 *
 * Nothing typed is lost by accident: while the form is `dirty`, Escape, the ×, a click outside,
 * « Annuler », a link in the app or leaving the page first ask whether to give up what was typed.
 * « Annuler » in that question keeps the dialog and its input.
 */
export function FormModal({
  title,
  onClose,
  dirty = false,
  onDiscard,
  children,
}: {
  title: string;
  onClose: () => void;
  /** Something was typed and not saved. */
  dirty?: boolean;
  /** Called when the user gives up what was typed (e.g. to drop a kept draft). */
  onDiscard?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  // Leaving the page (reload, closing the tab) while something is typed: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // A link inside the app while something is typed: the same question as closing.
  const blocker = useBlocker(dirty);
  useEffect(() => {
    if (blocker.state === 'blocked') setAsking(true);
  }, [blocker.state]);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  const requestClose = useCallback(() => {
    if (dirty) setAsking(true);
    else onClose();
  }, [dirty, onClose]);
  const keep = () => {
    setAsking(false);
    if (blocker.state === 'blocked') blocker.reset();
  };
  const giveUp = () => {
    setAsking(false);
    onDiscard?.();
    if (blocker.state === 'blocked') blocker.proceed();
    onClose();
  };

  return (
    <Modal.Root opened onClose={requestClose} fullScreen={phone} size="lg">
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>
          {asking && (
            <Alert
              color="orange"
              role="alertdialog"
              aria-live="assertive"
              mb="sm"
              data-testid="unsaved-confirm"
            >
              <Text size="sm" fw={600}>
                {t('form.unsaved.question')}
              </Text>
              <Group justify="flex-end" gap="sm" mt="xs">
                <Button ref={keepRef} variant="default" onClick={keep} data-testid="unsaved-keep">
                  {t('common.cancel')}
                </Button>
                <Button color="red" onClick={giveUp} data-testid="unsaved-discard">
                  {t('form.unsaved.discard')}
                </Button>
              </Group>
            </Alert>
          )}
          <CloseRequest value={requestClose}>{children}</CloseRequest>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** « Annuler » in a form's dialog: asks before throwing away what was typed. */
export function CancelButton({ onClick }: { onClick?: () => void }) {
  const t = useT();
  const requestClose = use(CloseRequest);
  return (
    <Button variant="default" onClick={requestClose ?? onClick}>
      {t('common.cancel')}
    </Button>
  );
}
