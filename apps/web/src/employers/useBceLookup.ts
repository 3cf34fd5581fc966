import { isValidBce, normaliseBce } from '@jobcoach/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { lookupEmployer } from './employers-api.ts';

export type Duplicate = { id: string; name: string | null; bce: string };

/**
 * The employer already in the basin's registry under a BCE number: asked when the field is left
 * (GET /api/employers/lookup), or learnt from a 409 `duplicate_employer` (its `existingId`).
 * `exceptId`: the employer being edited, which is not its own duplicate.
 */
export function useBceLookup(exceptId?: string) {
  const queryClient = useQueryClient();
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);

  const check = async (value: string) => {
    const bce = normaliseBce(value);
    if (!bce || !isValidBce(bce)) {
      setDuplicate(null);
      return;
    }
    const answer = await lookupEmployer(queryClient, bce).catch(() => null);
    const existing = answer?.existing;
    setDuplicate(existing && existing.id !== exceptId ? { id: existing.id, name: existing.name, bce } : null);
  };

  /** True when the error was a duplicate, now shown. */
  const fromError = (error: unknown, value: string): boolean => {
    if (!(error instanceof ApiError && error.code === 'duplicate_employer')) return false;
    const id = error.details.existingId;
    if (typeof id !== 'string') return false;
    setDuplicate({ id, name: null, bce: normaliseBce(value) ?? value });
    return true;
  };

  /** The duplicate, only while the field still holds its number. */
  const current = (value: string) => (duplicate && normaliseBce(value) === duplicate.bce ? duplicate : null);

  return { check, fromError, current };
}
