import { loadPdfFonts, type PdfFonts } from '@sheber/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** Everything printed on a certificate; ids only reach the worker, it reads these from the database. */
export interface CertificateDocument {
  number: string;
  holder: string;
  courseTitle: string;
  craft: { kk: string; ru: string };
  hours: number;
  startDate: string;
  endDate: string;
  master: string | null;
  issueDate: string;
  verificationUrl: string;
  /** Set on a revoked certificate: a large diagonal stamp is drawn over the page. */
  revoked?: { date: string; replacedBy?: string | null };
}

/** The stamp over a revoked certificate, in English, Kazakh and Russian. */
export const REVOKED_STAMP = 'REVOKED · КҮШІ ЖОЙЫЛДЫ · АННУЛИРОВАН';

export type CertificateFonts = PdfFonts;

/** The fonts of a certificate (see loadPdfFonts): load once, reuse for every document. */
export const loadCertificateFonts = loadPdfFonts;

const CENTRE_KK = '«Шебер» оқу орталығы · Достық үйі · Қарағанды';
const CENTRE_RU = 'Учебный центр «Шебер» · Дом дружбы · Караганда';

function localDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** Draws the QR code as vector squares: sharp at any zoom, no image to embed. */
function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.modules.get(row, col))
        doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** A fresh A4 landscape document with the fonts registered, and the promise of its bytes. */
function newDocument(
  fonts: CertificateFonts,
  info: { title: string; date: string },
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and embed a
    // reference to it, although every line here is set in DejaVu Sans.
    font: '',
    info: {
      Title: info.title,
      Author: CENTRE_RU,
      CreationDate: new Date(`${info.date}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  // The stamp's face again, as a subset of its own: DejaVu draws Latin E and Cyrillic Е with one
  // glyph, and a subset maps a glyph back to one letter only, so "REVOKED" set in the subset that
  // also holds "СЕРТИФИКАТ" would be extracted with Cyrillic letters.
  doc.registerFont('stamp', fonts.bold as unknown as string);
  return { doc, done };
}

/**
 * The large diagonal stamp of a revoked certificate, across the whole page, and the same words in
 * one red line at the top: text extractors and screen readers do not reassemble rotated text.
 */
function drawRevokedStamp(
  doc: PDFKit.PDFDocument,
  revoked: NonNullable<CertificateDocument['revoked']>,
): void {
  const width = doc.page.width;
  const height = doc.page.height;
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  const lines = [
    REVOKED_STAMP,
    `${localDate(revoked.date)}${revoked.replacedBy ? ` → ${revoked.replacedBy}` : ''}`,
  ];
  doc
    .font('stamp')
    .fontSize(11)
    .fillColor('#c0262d')
    .text(`${lines[0]} · ${lines[1]}`, 60, 40, { width: width - 120, align: 'center' });
  doc.save();
  doc.rotate(angle, { origin: [width / 2, height / 2] });
  doc.fillOpacity(0.55).strokeOpacity(0.8);
  doc
    .lineWidth(5)
    .strokeColor('#c0262d')
    .roundedRect(width / 2 - 390, height / 2 - 62, 780, 124, 12)
    .stroke();
  doc
    .font('stamp')
    .fontSize(40)
    .fillColor('#c0262d')
    .text(lines[0]!, width / 2 - 380, height / 2 - 48, {
      width: 760,
      align: 'center',
      lineBreak: false,
    });
  doc
    .font('stamp')
    .fontSize(20)
    .text(lines[1]!, width / 2 - 380, height / 2 + 12, {
      width: 760,
      align: 'center',
      lineBreak: false,
    });
  doc.restore();
}

/** Draws one certificate on the current page of `doc`. */
function drawCertificate(doc: PDFKit.PDFDocument, data: CertificateDocument): void {
  const width = doc.page.width;
  const height = doc.page.height;
  const text = (
    value: string,
    y: number,
    size: number,
    font: 'regular' | 'bold' = 'regular',
    color = '#222222',
  ) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(value, 60, y, { width: width - 120, align: 'center' });

  doc
    .lineWidth(3)
    .strokeColor('#8a5a2b')
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(34, 34, width - 68, height - 68)
    .stroke();

  text(CENTRE_KK, 58, 13, 'regular', '#8a5a2b');
  text(CENTRE_RU, 76, 13, 'regular', '#8a5a2b');
  text('СЕРТИФИКАТ', 110, 40, 'bold', '#5b3a1a');
  text(`№ ${data.number}`, 160, 14);
  text('Осы сертификат берілді · Настоящий сертификат выдан', 196, 13, 'regular', '#555555');
  text(data.holder, 220, 28, 'bold');
  text('курсты сәтті аяқтады · успешно окончил(а) курс', 266, 13, 'regular', '#555555');
  text(data.courseTitle, 290, 20, 'bold');
  text(`${data.craft.kk} · ${data.craft.ru}`, 322, 14);
  text(
    `Көлемі · Объём: ${data.hours} сағат · ч.    Оқу мерзімі · Период обучения: ${localDate(data.startDate)} – ${localDate(data.endDate)}`,
    352,
    12,
  );
  if (data.master) text(`Шебер · Мастер: ${data.master}`, 374, 12);

  doc.font('regular').fontSize(11).fillColor('#222222');
  doc.text(`Берілген күні · Дата выдачи: ${localDate(data.issueDate)}`, 70, height - 110);
  doc.text('Директор ____________________', 70, height - 86);

  const qrSize = 110;
  drawQrCode(doc, data.verificationUrl, width - 70 - qrSize, height - 70 - qrSize, qrSize);
  doc
    .fontSize(7)
    .fillColor('#555555')
    .text(data.verificationUrl, width - 330, height - 56, { width: 260, align: 'right' });
  if (data.revoked) drawRevokedStamp(doc, data.revoked);
}

/**
 * The certificate as a PDF: A4 landscape, Kazakh and Russian, with a QR code of the public
 * verification address, and the revocation stamp when `revoked` is set. Pure: the same data and
 * fonts give the same bytes.
 */
export function renderCertificatePdf(
  data: CertificateDocument,
  fonts: CertificateFonts,
): Promise<Buffer> {
  const { doc, done } = newDocument(fonts, {
    title: `Сертификат ${data.number}`,
    date: data.issueDate,
  });
  drawCertificate(doc, data);
  doc.end();
  return done;
}

/** Several certificates in one PDF, one page each (a group's certificates to print at once). */
export function renderCertificatesPdf(
  list: CertificateDocument[],
  fonts: CertificateFonts,
  info: { title: string; date: string },
): Promise<Buffer> {
  const { doc, done } = newDocument(fonts, info);
  list.forEach((data, index) => {
    if (index > 0) doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    drawCertificate(doc, data);
  });
  doc.end();
  return done;
}
