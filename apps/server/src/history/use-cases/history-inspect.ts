import { HISTORY_MAPPING_TARGETS, type HistoryInspect, historyInspectBodySchema } from '@jobcoach/contract';
import { defineCommand } from '../../application/use-case.ts';
import { ENCODING_LABELS } from '../../imports/encoding.ts';
import {
  guessColumns,
  guessMapping,
  headingsOf,
  savedMappings,
  shapeOf,
  targetColumns,
  targetLabel,
} from '../mapping.ts';
import { fileOfTitle } from '../names.ts';
import { readTables } from '../sources.ts';
import { decodeFiles } from './history-import.ts';

/** Rows of each table shown in the preview. */
const SAMPLE_ROWS = 3;

/**
 * The first step of the page (docs/import.md, « Correspondance des colonnes »): the tables of the
 * upload, each with its encoding, headings and first rows, recognised by its name or offered a
 * mapping — the one the organisation saved for tables of that shape, or a guess from the headings.
 * Nothing is written (the request is audited as the imports are).
 */
export const inspectHistoryImport = defineCommand(
  'history.inspect',
  historyInspectBodySchema,
  { action: 'history_import_inspect', entity: 'history_import' },
  async (ctx, body): Promise<HistoryInspect> => {
    ctx.require('history.import');
    const sources = decodeFiles(body.files);
    ctx.audit.details = { files: sources.map((s) => ({ name: s.name, bytes: s.data.length })) };
    const { tables, errors } = await readTables(sources);
    const saved = await savedMappings(ctx.db, ctx.organisationId);
    // Beside files named after the import's, another table is offered as ignored (a sheet of notes,
    // of totals) unless its shape was mapped before; alone, it is offered the best guess.
    const anyNamed = tables.some((table) => fileOfTitle(table.title) !== null);
    return {
      tables: tables.map((table) => {
        const recognised = fileOfTitle(table.title);
        const kept = recognised ? undefined : saved.get(shapeOf(table));
        const headings = headingsOf(table);
        const offered = recognised
          ? null
          : kept
            ? { table: table.name, ...kept }
            : anyNamed
              ? { table: table.name, target: null, columns: {} }
              : guessMapping(table);
        return {
          table: table.name,
          recognised,
          encoding: table.encoding ? ENCODING_LABELS[table.encoding] : null,
          rows: Math.max(0, table.records.length - 1),
          headings,
          sample: table.records.slice(1, 1 + SAMPLE_ROWS).map((r) => r.fields),
          mapping: offered,
          saved: kept !== undefined,
          guesses: Object.fromEntries(
            HISTORY_MAPPING_TARGETS.map((target) => [target, guessColumns(target, headings)]),
          ),
        };
      }),
      targets: HISTORY_MAPPING_TARGETS.map((target) => ({
        target,
        label: targetLabel(target),
        columns: targetColumns(target),
      })),
      errors,
    };
  },
);
