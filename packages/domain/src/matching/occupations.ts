import type { NaceSection } from './nace.ts';

/**
 * The occupations referential shipped with the project: jobs met most often in the jobcoaching of
 * low-qualified job seekers in Wallonia, each with the NACE-BEL sections where it is mostly
 * exercised, its French name and the Dutch, German and English names. It is a curated list written
 * for this project from common knowledge of these jobs and of the NACE Rev. 2 sections, not an
 * extract of an official nomenclature (docs/referentials.md says so and how to extend it). A
 * person's wished jobs and a vacancy's title may still be free text.
 */
export interface Occupation {
  /** Stable identifier within this referential. */
  code: string;
  fr: string;
  nl: string;
  de: string;
  en: string;
  /** NACE sections where the job is mostly exercised, most frequent first. */
  sections: readonly NaceSection[];
}

type Row = [code: string, fr: string, nl: string, de: string, en: string, sections: NaceSection[]];

const ROWS: readonly Row[] = [
  ['order_picker', 'préparateur de commandes', 'orderpicker', 'Kommissionierer', 'order picker', ['H', 'G']],
  ['warehouse_worker', 'magasinier', 'magazijnier', 'Lagerarbeiter', 'warehouse worker', ['H', 'G', 'C']],
  ['forklift_driver', 'cariste', 'heftruckchauffeur', 'Gabelstaplerfahrer', 'forklift driver', ['H', 'C']],
  ['packer', 'emballeur', 'inpakker', 'Verpacker', 'packer', ['C', 'H']],
  [
    'production_operator',
    'opérateur de production',
    'productieoperator',
    'Produktionsmitarbeiter',
    'production operator',
    ['C'],
  ],
  [
    'line_worker',
    'ouvrier de production',
    'productiearbeider',
    'Produktionsarbeiter',
    'production worker',
    ['C'],
  ],
  [
    'food_production_worker',
    'ouvrier de l’industrie alimentaire',
    'arbeider voedingsindustrie',
    'Arbeiter in der Lebensmittelindustrie',
    'food production worker',
    ['C'],
  ],
  ['butcher', 'boucher', 'slager', 'Metzger', 'butcher', ['G', 'C']],
  ['baker', 'boulanger', 'bakker', 'Bäcker', 'baker', ['C', 'G']],
  ['kitchen_assistant', 'aide-cuisinier', 'hulpkok', 'Küchenhilfe', 'kitchen assistant', ['I']],
  ['cook', 'cuisinier', 'kok', 'Koch', 'cook', ['I']],
  ['dishwasher', 'plongeur', 'afwasser', 'Spüler', 'dishwasher', ['I']],
  ['waiter', 'serveur', 'kelner', 'Kellner', 'waiter', ['I']],
  ['bartender', 'barman', 'barman', 'Barkeeper', 'bartender', ['I']],
  ['room_attendant', 'femme / valet de chambre', 'kamermeisje', 'Zimmermädchen', 'room attendant', ['I']],
  ['cleaner', 'agent d’entretien', 'schoonmaker', 'Reinigungskraft', 'cleaner', ['N']],
  [
    'industrial_cleaner',
    'nettoyeur industriel',
    'industrieel reiniger',
    'Industriereiniger',
    'industrial cleaner',
    ['N'],
  ],
  [
    'home_help',
    'aide ménager (titres-services)',
    'huishoudhulp (dienstencheques)',
    'Haushaltshilfe (Dienstleistungsschecks)',
    'domestic helper (service vouchers)',
    ['N', 'T'],
  ],
  ['family_helper', 'aide familial', 'gezinszorger', 'Familienhelfer', 'family care worker', ['Q']],
  ['care_assistant', 'aide-soignant', 'zorgkundige', 'Pflegehelfer', 'care assistant', ['Q']],
  ['childcare_worker', 'puériculteur', 'kinderverzorger', 'Kinderpfleger', 'childcare worker', ['Q', 'P']],
  [
    'logistics_assistant_care',
    'aide logistique en milieu hospitalier',
    'logistiek assistent ziekenhuis',
    'Logistikhelfer im Krankenhaus',
    'hospital logistics assistant',
    ['Q'],
  ],
  ['cashier', 'caissier', 'kassier', 'Kassierer', 'cashier', ['G']],
  ['shelf_stacker', 'réassortisseur', 'rekkenvuller', 'Regalauffüller', 'shelf stacker', ['G']],
  ['sales_assistant', 'vendeur', 'verkoper', 'Verkäufer', 'sales assistant', ['G']],
  [
    'call_centre_agent',
    'téléconseiller',
    'callcentermedewerker',
    'Callcenter-Agent',
    'call centre agent',
    ['N'],
  ],
  ['receptionist', 'réceptionniste', 'receptionist', 'Empfangsmitarbeiter', 'receptionist', ['N', 'I']],
  [
    'office_clerk',
    'employé administratif',
    'administratief bediende',
    'Verwaltungsangestellter',
    'office clerk',
    ['N', 'O', 'M'],
  ],
  [
    'delivery_driver',
    'chauffeur-livreur',
    'chauffeur-leverancier',
    'Auslieferungsfahrer',
    'delivery driver',
    ['H'],
  ],
  ['truck_driver', 'chauffeur poids lourd', 'vrachtwagenchauffeur', 'LKW-Fahrer', 'truck driver', ['H']],
  ['bus_driver', 'chauffeur de bus', 'buschauffeur', 'Busfahrer', 'bus driver', ['H']],
  ['courier', 'coursier', 'koerier', 'Kurier', 'courier', ['H']],
  ['removal_worker', 'déménageur', 'verhuizer', 'Möbelpacker', 'removal worker', ['H']],
  [
    'construction_labourer',
    'manœuvre en construction',
    'hulparbeider bouw',
    'Bauhelfer',
    'construction labourer',
    ['F'],
  ],
  ['mason', 'maçon', 'metselaar', 'Maurer', 'bricklayer', ['F']],
  ['painter', 'peintre en bâtiment', 'schilder', 'Maler', 'painter and decorator', ['F']],
  ['plasterer', 'plafonneur', 'stukadoor', 'Verputzer', 'plasterer', ['F']],
  ['tiler', 'carreleur', 'tegelzetter', 'Fliesenleger', 'tiler', ['F']],
  ['roofer', 'couvreur', 'dakdekker', 'Dachdecker', 'roofer', ['F']],
  ['electrician', 'électricien', 'elektricien', 'Elektriker', 'electrician', ['F', 'C']],
  ['plumber', 'plombier', 'loodgieter', 'Klempner', 'plumber', ['F']],
  ['joiner', 'menuisier', 'schrijnwerker', 'Tischler', 'joiner', ['F', 'C']],
  ['welder', 'soudeur', 'lasser', 'Schweißer', 'welder', ['C', 'F']],
  [
    'maintenance_technician',
    'technicien de maintenance',
    'onderhoudstechnicus',
    'Wartungstechniker',
    'maintenance technician',
    ['C', 'N'],
  ],
  ['handyman', 'ouvrier polyvalent', 'klusjesman', 'Hausmeister', 'handyman', ['N', 'L', 'O']],
  ['gardener', 'jardinier', 'tuinman', 'Gärtner', 'gardener', ['N', 'A']],
  ['farm_worker', 'ouvrier agricole', 'landarbeider', 'Landarbeiter', 'farm worker', ['A']],
  [
    'horticulture_worker',
    'ouvrier horticole',
    'tuinbouwarbeider',
    'Gartenbauarbeiter',
    'horticultural worker',
    ['A'],
  ],
  ['forestry_worker', 'ouvrier forestier', 'bosarbeider', 'Forstarbeiter', 'forestry worker', ['A']],
  [
    'waste_collector',
    'agent de collecte des déchets',
    'vuilnisophaler',
    'Müllwerker',
    'refuse collector',
    ['E'],
  ],
  ['sorting_operator', 'trieur de déchets', 'sorteerder', 'Sortierer', 'waste sorter', ['E']],
  ['security_guard', 'agent de gardiennage', 'bewakingsagent', 'Wachmann', 'security guard', ['N']],
  ['car_mechanic', 'mécanicien automobile', 'automecanicien', 'Kfz-Mechaniker', 'car mechanic', ['G']],
  ['car_washer', 'laveur de véhicules', 'autowasser', 'Fahrzeugreiniger', 'car washer', ['G', 'S']],
  ['hairdresser', 'coiffeur', 'kapper', 'Friseur', 'hairdresser', ['S']],
  [
    'laundry_worker',
    'ouvrier de blanchisserie',
    'wasserijmedewerker',
    'Wäschereiarbeiter',
    'laundry worker',
    ['S'],
  ],
  ['seamstress', 'couturier', 'naaister', 'Näher', 'sewing machinist', ['C', 'S']],
  [
    'school_helper',
    'accueillant extrascolaire',
    'buitenschoolse opvang',
    'Betreuer außerschulisch',
    'after-school care worker',
    ['P', 'Q'],
  ],
  [
    'canteen_worker',
    'commis de cuisine de collectivité',
    'keukenhulp grootkeuken',
    'Küchenhilfe Großküche',
    'catering assistant',
    ['I', 'Q', 'P'],
  ],
  [
    'animal_care_worker',
    'soigneur animalier',
    'dierenverzorger',
    'Tierpfleger',
    'animal care worker',
    ['A', 'M', 'R'],
  ],
];

export const OCCUPATIONS: readonly Occupation[] = ROWS.map(([code, fr, nl, de, en, sections]) => ({
  code,
  fr,
  nl,
  de,
  en,
  sections,
}));

export const OCCUPATION_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type OccupationLanguage = (typeof OCCUPATION_LANGUAGES)[number];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Search as you type: occupations whose name in any of the four languages contains every word
 * typed (accents and case ignored), names starting with the query first, then in list order.
 */
export function searchOccupations(query: string, limit = 10): Occupation[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return OCCUPATIONS.slice(0, limit);
  const q = words.join(' ');
  const scored: { o: Occupation; rank: number; index: number }[] = [];
  OCCUPATIONS.forEach((o, index) => {
    const names = [o.fr, o.nl, o.de, o.en].map(fold);
    if (!names.some((n) => words.every((w) => n.includes(w)))) return;
    const rank = fold(o.fr).startsWith(q) ? 0 : names.some((n) => n.startsWith(q)) ? 1 : 2;
    scored.push({ o, rank, index });
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.o);
}

/** The occupation whose name (any language) is exactly this text, accents and case ignored. */
export function findOccupation(name: string): Occupation | null {
  const n = fold(name);
  return OCCUPATIONS.find((o) => [o.fr, o.nl, o.de, o.en].some((x) => fold(x) === n)) ?? null;
}
