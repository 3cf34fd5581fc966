import { NACE_SECTION_LABELS, NACE_SECTIONS } from '@jobcoach/domain';
import { describe, expect, it } from 'vitest';
import { catalogDifferences, catalogs } from '../src/i18n/catalogs.ts';

describe('message catalogs', () => {
  it('every language has exactly the keys of the French catalog', () => {
    expect(catalogDifferences()).toEqual([]);
  });

  it('names the NACE sections in French as the domain does (a wished sector is stored so)', () => {
    for (const section of NACE_SECTIONS) {
      expect(catalogs.fr[`naceSection.${section}`]).toBe(NACE_SECTION_LABELS[section]);
    }
  });
});
