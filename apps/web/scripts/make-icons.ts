// Draws the app's icons (apps/web/public/icons/) without an image library: a blue square with a
// white « J », written as PNG. Run again after changing the drawing: `npx tsx scripts/make-icons.ts`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1c, 0x7e, 0xd6];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Whether (x, y), in units of the icon's side, is on the « J ». Kept inside the maskable safe zone. */
function onLetter(x: number, y: number): boolean {
  const stem = x >= 0.54 && x <= 0.64 && y >= 0.27 && y <= 0.6;
  const top = x >= 0.42 && x <= 0.7 && y >= 0.27 && y <= 0.35;
  const dx = x - 0.46;
  const dy = y - 0.6;
  const r = Math.hypot(dx, dy);
  const hook = dy >= 0 && r >= 0.08 && r <= 0.18;
  return stem || top || hook;
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const colour = onLetter((x + 0.5) / size, (y + 0.5) / size) ? WHITE : BLUE;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
for (const size of [180, 192, 512]) writeFileSync(join(dir, `icon-${size}.png`), icon(size));
