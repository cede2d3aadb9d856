import PDFDocument from 'pdfkit';
import type { PdfFonts } from '@sheber/common';
import type { AttendanceStatus } from '../entities/attendance-mark.entity';

/** The group's paper journal: everything printed on it, read from the database by the service. */
export interface AttendanceJournal {
  code: string;
  courseTitle: string;
  craft: { kk: string; ru: string };
  master: string | null;
  startDate: string;
  endDate: string;
  /** The date printed in the footer (today in the centre). */
  printedOn: string;
  lessons: { id: string; date: string; startTime: string; held: boolean }[];
  rows: {
    name: string;
    /** Masked: `********1234`. */
    iin: string;
    marks: Record<string, AttendanceStatus>;
    /** 0–1, or null. */
    attendanceRate: number | null;
  }[];
}

/** One letter per mark, in Kazakh, as in the centre's paper journal. */
export const JOURNAL_LETTERS: Record<AttendanceStatus, string> = {
  present: 'Қ',
  late: 'К',
  absent: 'Ж',
  excused: 'С',
};

const LEGEND =
  'Қ — қатысты · присутствовал(а)    К — кешікті · опоздал(а)    Ж — жоқ · отсутствовал(а)    ' +
  'С — себепті · по уважительной причине    · — белгіленбеген · не отмечено';

const MARGIN = 28;
const ROW_HEIGHT = 17;
const NUMBER_WIDTH = 20;
const NAME_WIDTH = 170;
const IIN_WIDTH = 74;
const LESSON_WIDTH = 25;
const TOTAL_WIDTH = 44;

function localDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
}

/**
 * The attendance journal as a PDF: A4 landscape, Kazakh and Russian headings, a row per trainee
 * (IIN masked) and a column per lesson with the mark's letter, the totals, and signature lines for
 * the master and the director. Lesson columns (and, for a long roster, rows) continue on further
 * pages, each page complete with its headings. Pure: the same data give the same bytes.
 */
export function renderAttendanceJournalPdf(
  journal: AttendanceJournal,
  fonts: PdfFonts,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    font: '',
    autoFirstPage: false,
    info: {
      Title: `Сабаққа қатысу журналы · Журнал посещаемости ${journal.code}`,
      CreationDate: new Date(`${journal.printedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (piece: Buffer) => chunks.push(piece));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);

  const width = 841.89;
  const height = 595.28;
  const tableTop = 118;
  const footerTop = height - 92;
  const perPage = Math.floor(
    (width - 2 * MARGIN - NUMBER_WIDTH - NAME_WIDTH - IIN_WIDTH - 2 * TOTAL_WIDTH) / LESSON_WIDTH,
  );
  const rowsPerPage = Math.floor((footerTop - tableTop - 2 * ROW_HEIGHT - 24) / ROW_HEIGHT);
  const lessonPages = chunk(journal.lessons, perPage);
  const rowPages = chunk(journal.rows, rowsPerPage);
  const pageCount = lessonPages.length * rowPages.length;
  const held = journal.lessons.filter((l) => l.held);

  // Cell frames are drawn after the page's text, in one path: a path may not enclose text.
  let frames: [number, number, number][] = [];
  /** A framed cell; a short value (a letter, a date) is centred by hand, which is much cheaper. */
  const cell = (
    value: string,
    x: number,
    y: number,
    w: number,
    options: { bold?: boolean; size?: number; align?: 'left' | 'center' } = {},
  ) => {
    const size = options.size ?? 8;
    frames.push([x, y, w]);
    if (value === '') return;
    doc.font(options.bold ? 'bold' : 'regular').fontSize(size);
    const textY = y + (ROW_HEIGHT - size) / 2 - 1;
    const width = doc.widthOfString(value);
    if (width <= w - 4) {
      const textX = options.align === 'left' ? x + 2 : x + (w - width) / 2;
      doc.text(value, textX, textY, { lineBreak: false });
    } else {
      doc.text(value, x + 2, textY, { width: w - 4, lineBreak: false, ellipsis: true });
    }
  };

  let page = 0;
  rowPages.forEach((rows, rowPageIndex) => {
    lessonPages.forEach((lessons) => {
      page += 1;
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      doc.lineWidth(0.5).strokeColor('#444444').fillColor('#111111');
      doc
        .font('bold')
        .fontSize(14)
        .text('Сабаққа қатысу журналы · Журнал посещаемости', MARGIN, 26, {
          width: width - 2 * MARGIN,
          align: 'center',
        });
      doc
        .font('regular')
        .fontSize(9)
        .text(
          `Топ · Группа: ${journal.code}    Курс: ${journal.courseTitle}    ${journal.craft.kk} · ${journal.craft.ru}`,
          MARGIN,
          50,
          { width: width - 2 * MARGIN, align: 'center' },
        )
        .text(
          `Оқу мерзімі · Период обучения: ${localDate(journal.startDate)} – ${localDate(journal.endDate)}    Шебер · Мастер: ${journal.master ?? '—'}`,
          MARGIN,
          64,
          { width: width - 2 * MARGIN, align: 'center' },
        );
      doc
        .fontSize(7)
        .fillColor('#444444')
        .text(LEGEND, MARGIN, 82, { width: width - 2 * MARGIN, align: 'center' })
        .fillColor('#111111');

      let x = MARGIN;
      let y = tableTop;
      cell('№', x, y, NUMBER_WIDTH, { bold: true });
      cell('Тыңдаушы · Слушатель', (x += NUMBER_WIDTH), y, NAME_WIDTH, { bold: true });
      cell('ЖСН · ИИН', (x += NAME_WIDTH), y, IIN_WIDTH, { bold: true });
      x += IIN_WIDTH;
      for (const lesson of lessons) {
        const [, m, d] = lesson.date.split('-');
        cell(`${d}.${m}`, x, y, LESSON_WIDTH, { size: 6.5 });
        x += LESSON_WIDTH;
      }
      cell('Қатысты · Был(а)', x, y, TOTAL_WIDTH, { size: 5.5 });
      cell('% ', x + TOTAL_WIDTH, y, TOTAL_WIDTH, { bold: true });

      rows.forEach((row, index) => {
        y += ROW_HEIGHT;
        x = MARGIN;
        cell(String(rowPageIndex * rowsPerPage + index + 1), x, y, NUMBER_WIDTH);
        cell(row.name, (x += NUMBER_WIDTH), y, NAME_WIDTH, { align: 'left' });
        cell(row.iin, (x += NAME_WIDTH), y, IIN_WIDTH);
        x += IIN_WIDTH;
        for (const lesson of lessons) {
          const mark = row.marks[lesson.id];
          cell(mark ? JOURNAL_LETTERS[mark] : lesson.held ? '·' : '', x, y, LESSON_WIDTH, {
            bold: mark === 'absent',
          });
          x += LESSON_WIDTH;
        }
        const attended = held.filter((l) => {
          const mark = row.marks[l.id];
          return mark === 'present' || mark === 'late';
        }).length;
        cell(`${attended}/${held.length}`, x, y, TOTAL_WIDTH);
        cell(
          row.attendanceRate === null ? '—' : `${Math.round(row.attendanceRate * 1000) / 10}%`,
          x + TOTAL_WIDTH,
          y,
          TOTAL_WIDTH,
        );
      });

      for (const [fx, fy, fw] of frames) doc.rect(fx, fy, fw, ROW_HEIGHT);
      doc.stroke();
      frames = [];
      doc.font('regular').fontSize(8);
      doc.text(
        `Өткізілді · Проведено: ${held.length} / ${journal.lessons.length} сабақ · занятий`,
        MARGIN,
        y + ROW_HEIGHT + 8,
      );
      doc.fontSize(10);
      doc.text(
        `Шебер · Мастер ______________________ ${journal.master ?? ''}`,
        MARGIN,
        footerTop + 20,
      );
      doc.text('Директор ______________________', width / 2 + 40, footerTop + 20);
      doc
        .fontSize(7)
        .fillColor('#555555')
        .text(
          `${localDate(journal.printedOn)}    Бет · Стр. ${page} / ${pageCount}`,
          MARGIN,
          height - 36,
          { width: width - 2 * MARGIN, align: 'right' },
        )
        .fillColor('#111111');
    });
  });
  doc.end();
  return done;
}
