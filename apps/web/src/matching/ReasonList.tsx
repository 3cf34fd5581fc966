import type { MatchReasonAnswer } from '@jobcoach/contract';
import type { MatchReasonKind } from '@jobcoach/domain';
import { Group, List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useLocale, useT } from '../i18n/index.ts';
import { matchReasonText } from './reason-text.ts';

// Each kind has its colour and its own shape, and its name for screen readers: the colour is
// never the only sign. Blocking reasons come first (the server's order).
const COLOURS: Record<MatchReasonKind, string> = {
  blocking: 'red',
  plus: 'green',
  minus: 'orange',
  info: 'gray',
};
const PATHS: Record<MatchReasonKind, string> = {
  blocking: 'M7 7l10 10M17 7L7 17',
  plus: 'M12 6v12M6 12h12',
  minus: 'M6 12h12',
  info: 'M12 11v6M12 7v.5',
};

function KindIcon({ kind }: { kind: MatchReasonKind }) {
  return (
    <ThemeIcon
      size={20}
      radius="xl"
      color={COLOURS[kind]}
      variant={kind === 'info' ? 'light' : 'filled'}
      aria-hidden="true"
    >
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
        <path d={PATHS[kind]} stroke="currentColor" strokeWidth="3" strokeLinecap="round" fill="none" />
      </svg>
    </ThemeIcon>
  );
}

/** The reasons of a match, worded in the reader's language, each marked with its kind. */
export function ReasonList({ reasons }: { reasons: MatchReasonAnswer[] }) {
  const t = useT();
  const { locale } = useLocale();
  if (reasons.length === 0) return null;
  return (
    <List spacing={4} listStyleType="none" data-testid="match-reasons">
      {reasons.map((reason, index) => (
        <List.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: the same code may come twice (two languages)
          key={`${reason.code}-${index}`}
          data-testid={`reason-${reason.kind}`}
          data-code={reason.code}
        >
          <Group gap={8} wrap="nowrap" align="flex-start">
            <KindIcon kind={reason.kind} />
            <Text
              size="sm"
              c={reason.kind === 'blocking' ? 'red.9' : reason.kind === 'info' ? 'dimmed' : undefined}
              fw={reason.kind === 'blocking' ? 700 : 400}
            >
              <VisuallyHidden>{t(`reasonKind.${reason.kind}`)} : </VisuallyHidden>
              {matchReasonText(reason, t, locale)}
              {reason.points !== 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('matching.points', {
                    points: reason.points > 0 ? `+${reason.points}` : `−${-reason.points}`,
                  })}
                </Text>
              )}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
