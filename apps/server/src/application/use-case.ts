import type { z } from 'zod';
import { type AuditSpec, type Context, writeAuditEntry } from './context.ts';

/**
 * A use case: one thing a user (or the system) does with the application, whatever the door it
 * comes through (an HTTP route, the command line, the historical import, the demo seed). It
 * takes a typed input (its zod schema) and an explicit context (context.ts: the organisation's
 * scoped database, the clock, who acts), applies the domain's rules and returns a result or fails
 * with an AppError (errors.ts).
 *
 * A command changes state: it runs in one transaction together with its audit entry. A query only
 * reads (a read of a person's file writes its own audit entry).
 */
export interface UseCase<S extends z.ZodType, O> {
  readonly name: string;
  readonly input: S;
  /** Commands only: the audit entry written with the change. */
  readonly audit: AuditSpec | undefined;
  readonly run: (ctx: Context, input: z.output<S>) => Promise<O>;
}

export function defineQuery<S extends z.ZodType, O>(
  name: string,
  input: S,
  run: (ctx: Context, input: z.output<S>) => Promise<O>,
): UseCase<S, O> {
  return { name, input, audit: undefined, run };
}

export function defineCommand<S extends z.ZodType, O>(
  name: string,
  input: S,
  audit: AuditSpec,
  run: (ctx: Context, input: z.output<S>) => Promise<O>,
): UseCase<S, O> {
  return { name, input, audit, run };
}

/**
 * Runs a use case on input already checked against its schema (an HTTP route validated it): a
 * command in one transaction with its audit entry, a query as it is.
 */
export async function execute<S extends z.ZodType, O>(
  ctx: Context,
  useCase: UseCase<S, O>,
  input: z.output<S>,
): Promise<O> {
  const audit = useCase.audit;
  if (!audit) return useCase.run(ctx, input);
  return ctx.transaction(async (tx) => {
    const result = await useCase.run(tx, input);
    await writeAuditEntry(tx, audit, tx.audit);
    return result;
  });
}

/** Runs a use case on raw input (the command line, the import): checked against its schema first. */
export function executeRaw<S extends z.ZodType, O>(ctx: Context, useCase: UseCase<S, O>, raw: unknown) {
  return execute(ctx, useCase, useCase.input.parse(raw));
}
