/**
 * The printable report for the steering committee: A4 landscape, title, period, organisations,
 * every table as a grid (groups as headings, totals in bold), the definitions, and page numbers.
 * Uncompressed like the other documents, so that its text can be checked in the raw bytes.
 */
import { type ReportTable, STEERING_DEFINITIONS } from '@jobcoach/domain';
import PDFDocument from 'pdfkit';
import { toWinAnsi } from '../documents/pdf.ts';
import { belgianDate, decimalsOf, frenchNumber, type SteeringDocument } from './document.ts';

const MARGIN = 40;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export function steeringPdf(doc: SteeringDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      compress: false,
      bufferPages: true,
      lang: 'fr-BE',
      info: { Title: 'Rapport au comité de pilotage', Author: 'Jobcoach' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    const width = pdf.page.width - 2 * MARGIN;
    const bottom = () => pdf.page.height - MARGIN - 20;
    const t = (s: string) => toWinAnsi(s);

    pdf.font(BOLD).fontSize(18).text(t('Rapport au comité de pilotage'), { align: 'center' });
    pdf.moveDown(0.4);
    pdf
      .font(FONT)
      .fontSize(11)
      .text(t(`Période du ${belgianDate(doc.from)} au ${belgianDate(doc.to)}`), { align: 'center' });
    pdf.text(t(`Organisations : ${doc.organisations.map((o) => o.name).join(', ')}`), { align: 'center' });
    pdf.fontSize(9).text(t(`Calculé le ${belgianDate(doc.generatedAt.slice(0, 10))}`), { align: 'center' });
    if (doc.aggregatesOnly) {
      pdf.text(
        t(
          'Agrégats seulement : les cellules de 1 à 4 personnes (et ce qui permettrait de les retrouver) sont affichées « < 5 ».',
        ),
        { align: 'center' },
      );
    }
    pdf.moveDown(1);

    for (const table of doc.tables) drawTable(pdf, table, width, bottom, t);

    if (pdf.y > bottom() - 80) pdf.addPage();
    pdf.moveDown(0.8);
    pdf.font(BOLD).fontSize(13).text(t('Définitions'), MARGIN);
    pdf.moveDown(0.3);
    for (const d of STEERING_DEFINITIONS) {
      if (pdf.y > bottom() - 30) pdf.addPage();
      pdf
        .font(BOLD)
        .fontSize(9)
        .text(t(`${d.term} : `), MARGIN, pdf.y, { continued: true, width });
      pdf.font(FONT).text(t(d.definition));
      pdf.moveDown(0.2);
    }

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      const saved = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf
        .font(FONT)
        .fontSize(8)
        .text(
          t(
            `Rapport au comité de pilotage — ${belgianDate(doc.from)} au ${belgianDate(doc.to)} — page ${i + 1} / ${range.count}`,
          ),
          MARGIN,
          pdf.page.height - MARGIN + 5,
          { width, align: 'center', lineBreak: false },
        );
      pdf.page.margins.bottom = saved;
    }
    pdf.end();
  });
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  table: ReportTable,
  width: number,
  bottom: () => number,
  t: (s: string) => string,
) {
  const size = table.columns.length > 8 ? 7 : 8;
  const labelWidth = Math.min(230, Math.max(150, width - table.columns.length * 60));
  const cellWidth = (width - labelWidth) / Math.max(1, table.columns.length);
  const pad = 3;

  const headerHeight = () => {
    pdf.font(BOLD).fontSize(size);
    return (
      Math.max(
        ...table.columns.map((c) => pdf.heightOfString(t(c.label), { width: cellWidth - 2 * pad })),
        size,
      ) +
      2 * pad
    );
  };
  const drawHeader = () => {
    const h = headerHeight();
    const y = pdf.y;
    pdf.rect(MARGIN, y, width, h).fillAndStroke('#e8eef5', '#9aa7b5').fillColor('black');
    table.columns.forEach((c, i) => {
      pdf
        .font(BOLD)
        .fontSize(size)
        .text(t(c.label), MARGIN + labelWidth + i * cellWidth + pad, y + pad, {
          width: cellWidth - 2 * pad,
          align: 'right',
        });
    });
    pdf.y = y + h;
  };

  // Title, note, and the header: moved to a new page together when they do not fit.
  pdf.font(BOLD).fontSize(13);
  if (pdf.y + 60 + headerHeight() > bottom()) pdf.addPage();
  pdf.font(BOLD).fontSize(13).text(t(table.title), MARGIN, pdf.y, { width });
  if (table.note) pdf.font('Helvetica-Oblique').fontSize(8).text(t(table.note), MARGIN, pdf.y, { width });
  pdf.moveDown(0.3);
  drawHeader();

  let group: string | undefined;
  for (const row of table.rows) {
    const rowHeight = () => {
      pdf.font(row.total ? BOLD : FONT).fontSize(size);
      return Math.max(pdf.heightOfString(t(row.label), { width: labelWidth - 2 * pad }), size) + 2 * pad;
    };
    const groupHeight = row.group !== undefined && row.group !== group ? size + 2 * pad + 2 : 0;
    if (pdf.y + groupHeight + rowHeight() > bottom()) {
      pdf.addPage();
      drawHeader();
      group = undefined;
    }
    if (row.group !== undefined && row.group !== group) {
      const y = pdf.y;
      pdf
        .rect(MARGIN, y, width, size + 2 * pad + 2)
        .fill('#f3f3f3')
        .fillColor('black');
      pdf
        .font(BOLD)
        .fontSize(size)
        .text(t(row.group), MARGIN + pad, y + pad + 1, { width: width - 2 * pad });
      pdf.y = y + size + 2 * pad + 2;
    }
    group = row.group;
    const y = pdf.y;
    const h = rowHeight();
    pdf.font(row.total ? BOLD : FONT).fontSize(size);
    pdf.text(t(row.label), MARGIN + pad, y + pad, { width: labelWidth - 2 * pad });
    table.columns.forEach((c, i) => {
      const value = row.values[c.key] ?? null;
      pdf.text(
        t(frenchNumber(value, decimalsOf(c.kind))),
        MARGIN + labelWidth + i * cellWidth + pad,
        y + pad,
        { width: cellWidth - 2 * pad, align: 'right', lineBreak: false },
      );
    });
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(row.total ? 0.8 : 0.3)
      .strokeColor('#9aa7b5')
      .stroke()
      .strokeColor('black');
    pdf.y = y + h;
  }
  pdf.x = MARGIN;
  pdf.moveDown(1.2);
}
