import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineQuery } from '../../application/use-case.ts';
import { historyTemplate } from '../template.ts';

/** What the import page offers besides the import: the workbook to fill and the documentation. */

const DOCUMENTATION = join(import.meta.dirname, '../../../../../docs/import.md');

/** The template workbook (history/template.ts), for those who may import. */
export const downloadHistoryTemplate = defineQuery('history.template', z.object({}), async (ctx) => {
  ctx.require('history.import');
  return { fileName: 'modele-import-historique.xlsx', body: Buffer.from(await historyTemplate()) };
});

/** The import's documentation (docs/import.md) as Markdown, for the help page. */
export const readHistoryDocumentation = defineQuery('history.documentation', z.object({}), async (ctx) => {
  ctx.require('history.import');
  return { markdown: await readFile(DOCUMENTATION, 'utf8') };
});
