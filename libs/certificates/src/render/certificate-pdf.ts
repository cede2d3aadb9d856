import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
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
}

export interface CertificateFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every Kazakh letter (ә ғ қ ң ө ұ ү һ і).
 * Loaded once and reused: parsing the TTF for each document costs several times the rendering.
 */
export function loadCertificateFonts(): CertificateFonts {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const load = (file: string): fontkit.Font =>
    fontkit.create(readFileSync(path.join(dir, file))) as fontkit.Font;
  return { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
}

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

/**
 * The certificate as a PDF: A4 landscape, Kazakh and Russian, with a QR code of the public
 * verification address. Pure: the same data and fonts give the same bytes.
 */
export function renderCertificatePdf(
  data: CertificateDocument,
  fonts: CertificateFonts,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and embed a
    // reference to it, although every line here is set in DejaVu Sans.
    font: '',
    info: {
      Title: `Сертификат ${data.number}`,
      Author: CENTRE_RU,
      CreationDate: new Date(`${data.issueDate}T00:00:00Z`),
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

  doc.end();
  return done;
}
