import { z } from 'zod';

/** The test clock (a server built for tests only): shifts "today" by whole days. */
export const clockShiftBodySchema = z.object({
  days: z
    .number('nombre entier attendu.')
    .int('nombre entier attendu.')
    .min(-3650, 'au moins -3650.')
    .max(3650, 'au plus 3650.'),
});
export const clockShiftSchema = z.object({ today: z.string() });
