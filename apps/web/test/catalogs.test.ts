import { describe, expect, it } from 'vitest';
import { catalogDifferences } from '../src/i18n/catalogs.ts';

describe('message catalogs', () => {
  it('every language has exactly the keys of the French catalog', () => {
    expect(catalogDifferences()).toEqual([]);
  });
});
