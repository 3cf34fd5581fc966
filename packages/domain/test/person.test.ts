import { describe, expect, it } from 'vitest';
import { AGE_BAND_LABELS, AGE_BANDS, ageBand, STUDIES, STUDIES_LABELS } from '../src/index.ts';

describe('age bands of the report', () => {
  it('puts 24 under 25, 25 and 45 in "25 to 45", and 46 over 45', () => {
    expect(ageBand(18)).toBe('under_25');
    expect(ageBand(24)).toBe('under_25');
    expect(ageBand(25)).toBe('25_45');
    expect(ageBand(45)).toBe('25_45');
    expect(ageBand(46)).toBe('over_45');
  });
  it('has a French label for every band and every level of studies', () => {
    for (const band of AGE_BANDS) expect(AGE_BAND_LABELS[band]).toBeTruthy();
    for (const studies of STUDIES) expect(STUDIES_LABELS[studies]).toBeTruthy();
  });
});
