import { Badge, type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

// Mantine's defaults, darkened where the contrast is under 4.5:1 (WCAG 2.1 AA): filled buttons and
// links use blue 8, error text red 9, secondary text gray 7, and the text of "light" badges, alerts
// and active links is a darker shade of the colour's 9th tone (orange 9 on orange 1 is only 3.6:1).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  headings: { sizes: { h1: { fontSize: '1.75rem' }, h2: { fontSize: '1.35rem' } } },
  components: {
    // Sentence case reads more easily than capitals.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(resolved.colors).map(([name, shades]) => [
        `--mantine-color-${name}-light-color`,
        darken(shades[9], 0.3),
      ]),
    ),
  },
  dark: {},
});
