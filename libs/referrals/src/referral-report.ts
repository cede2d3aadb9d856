import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type CsvDelimiter,
  type CsvRow,
  csvDocumentStream,
  preferredLanguage,
} from '@sheber/common';
import { attendanceRate } from '@sheber/enrollments';
import { maskIin } from '@sheber/trainees';
import type { ReportLanguage } from './dto/referral.dto';
import {
  EMPLOYED_OUTCOMES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
} from './referral-status';
import type { ReferralRow } from './referral-view.queries';

export interface ReferralReportRow {
  id: string;
  number: string;
  /** The centre's name in each language; the files show the one of their language. */
  employmentCenter: Record<ReportLanguage, string>;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** Masked: `********1234`. */
  iin: string;
  craft: string;
  course: string | null;
  groupCode: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ReferralStatus;
  attendanceRate: number | null;
  certificateNumber: string | null;
  certificateStatus: string | null;
  outcome: ReferralOutcome | null;
  outcomeDate: string | null;
  referredOn: string;
}

export interface ReferralReportTotals {
  referrals: number;
  byStatus: Record<ReferralStatus, number>;
  byCraft: Record<string, number>;
  byOutcome: Record<ReferralOutcome, number>;
  /** Completed trainings over trainings that ended (completed + dropped); null when none ended. */
  completionRate: number | null;
  /** Completed referrals whose outcome is employed, self_employed or centre_workshop. */
  employedAfterCompletion: number;
  /** employedAfterCompletion over completed; null when none completed. */
  employmentRate: number | null;
}

/** What the report says of the whole period, known before its rows are read. */
export interface ReferralReportSummary {
  period: { from: string; to: string };
  employmentCenterId: string | null;
  totals: ReferralReportTotals;
}

export interface ReferralReport extends ReferralReportSummary {
  rows: ReferralReportRow[];
}

/** The period's referrals of one status, craft and outcome, as the report's count query gives them. */
export interface ReferralCount {
  status: ReferralStatus;
  craft: string;
  outcome: ReferralOutcome | null;
  count: number;
}

/** A centre's name in each language, from the three columns a query reads. */
export function centerNames(row: {
  center_name_kk: string;
  center_name_ru: string;
  center_name_en: string;
}): Record<ReportLanguage, string> {
  return { kk: row.center_name_kk, ru: row.center_name_ru, en: row.center_name_en };
}

export function toReportRow(row: ReferralRow): ReferralReportRow {
  return {
    id: row.id,
    number: row.number,
    employmentCenter: centerNames(row),
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    iin: maskIin(row.iin),
    craft: row.craft,
    course: row.group_course_title ?? row.course_title,
    groupCode: row.group_code,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    attendanceRate: row.enrollment_id ? attendanceRate(row) : null,
    certificateNumber: row.certificate_number,
    certificateStatus: row.certificate_status,
    outcome: row.outcome,
    outcomeDate: row.outcome_date,
    referredOn: row.created_on,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The totals of a period from its counts by status, craft and outcome. */
export function summarizeReferrals(counts: readonly ReferralCount[]): ReferralReportTotals {
  const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<
    ReferralStatus,
    number
  >;
  const byOutcome = Object.fromEntries(REFERRAL_OUTCOMES.map((o) => [o, 0])) as Record<
    ReferralOutcome,
    number
  >;
  const byCraft: Record<string, number> = {};
  let referrals = 0;
  let employedAfterCompletion = 0;
  for (const { status, craft, outcome, count } of counts) {
    referrals += count;
    byStatus[status] += count;
    byCraft[craft] = (byCraft[craft] ?? 0) + count;
    if (outcome) byOutcome[outcome] += count;
    if (status === 'completed' && outcome && EMPLOYED_OUTCOMES.includes(outcome))
      employedAfterCompletion += count;
  }
  return {
    referrals,
    byStatus,
    byCraft,
    byOutcome,
    completionRate: ratio(byStatus.completed, byStatus.completed + byStatus.dropped),
    employedAfterCompletion,
    employmentRate: ratio(employedAfterCompletion, byStatus.completed),
  };
}

type Column = Exclude<keyof ReferralReportRow, 'id'>;

const COLUMNS: { key: Column; width: number; date?: true; percent?: true }[] = [
  { key: 'number', width: 14 },
  { key: 'referredOn', width: 12, date: true },
  { key: 'employmentCenter', width: 28 },
  { key: 'lastName', width: 18 },
  { key: 'firstName', width: 16 },
  { key: 'patronymic', width: 18 },
  { key: 'iin', width: 14 },
  { key: 'craft', width: 16 },
  { key: 'course', width: 30 },
  { key: 'groupCode', width: 14 },
  { key: 'startDate', width: 12, date: true },
  { key: 'endDate', width: 12, date: true },
  { key: 'status', width: 20 },
  { key: 'attendanceRate', width: 12, percent: true },
  { key: 'certificateNumber', width: 16 },
  { key: 'certificateStatus', width: 16 },
  { key: 'outcome', width: 30 },
  { key: 'outcomeDate', width: 12, date: true },
];

type Labels = Record<Column, string> & {
  sheetRows: string;
  sheetSummary: string;
  period: string;
  referrals: string;
  completionRate: string;
  employmentRate: string;
  byStatus: string;
  byCraft: string;
  byOutcome: string;
  statuses: Record<ReferralStatus, string>;
  outcomes: Record<ReferralOutcome, string>;
  certificateStatuses: Record<string, string>;
};

const LABELS: Record<ReportLanguage, Labels> = {
  kk: {
    number: 'Жолдама нөмірі',
    referredOn: 'Жолдама күні',
    employmentCenter: 'Жұмыспен қамту орталығы',
    lastName: 'Тегі',
    firstName: 'Аты',
    patronymic: 'Әкесінің аты',
    iin: 'ЖСН',
    craft: 'Қолөнер түрі',
    course: 'Курс',
    groupCode: 'Топ',
    startDate: 'Басталуы',
    endDate: 'Аяқталуы',
    status: 'Мәртебесі',
    attendanceRate: 'Қатысу',
    certificateNumber: 'Сертификат',
    certificateStatus: 'Сертификат мәртебесі',
    outcome: 'Нәтижесі',
    outcomeDate: 'Нәтиже күні',
    sheetRows: 'Жолдамалар',
    sheetSummary: 'Қорытынды',
    period: 'Кезең',
    referrals: 'Барлық жолдамалар',
    completionRate: 'Оқуды аяқтағандар үлесі',
    employmentRate: 'Жұмысқа орналасқандар үлесі',
    byStatus: 'Мәртебе бойынша',
    byCraft: 'Қолөнер бойынша',
    byOutcome: 'Нәтиже бойынша',
    statuses: {
      submitted: 'Жіберілді',
      accepted: 'Қабылданды',
      enrolled: 'Оқуға алынды',
      completed: 'Оқуды аяқтады',
      rejected: 'Қабылданбады',
      cancelled: 'Кері қайтарылды',
      dropped: 'Оқудан шықты',
    },
    outcomes: {
      employed: 'Жұмысқа орналасты',
      self_employed: 'Жеке кәсіпкер ретінде тіркелді',
      centre_workshop: 'Орталықтың шеберханасында жұмыс істейді',
      unemployed: 'Жұмысқа орналаспады',
      further_training: 'Оқуын жалғастырады',
    },
    certificateStatuses: {
      pending: 'Дайындалуда',
      issued: 'Берілді',
      failed: 'Қате',
      revoked: 'Кері қайтарып алынды',
    },
  },
  ru: {
    number: 'Номер направления',
    referredOn: 'Дата направления',
    employmentCenter: 'Центр занятости',
    lastName: 'Фамилия',
    firstName: 'Имя',
    patronymic: 'Отчество',
    iin: 'ИИН',
    craft: 'Ремесло',
    course: 'Курс',
    groupCode: 'Группа',
    startDate: 'Начало',
    endDate: 'Окончание',
    status: 'Статус',
    attendanceRate: 'Посещаемость',
    certificateNumber: 'Сертификат',
    certificateStatus: 'Статус сертификата',
    outcome: 'Итог',
    outcomeDate: 'Дата итога',
    sheetRows: 'Направления',
    sheetSummary: 'Сводка',
    period: 'Период',
    referrals: 'Всего направлений',
    completionRate: 'Доля завершивших обучение',
    employmentRate: 'Доля трудоустроенных',
    byStatus: 'По статусам',
    byCraft: 'По ремёслам',
    byOutcome: 'По итогам',
    statuses: {
      submitted: 'Направлен',
      accepted: 'Принят',
      enrolled: 'Зачислен',
      completed: 'Завершил обучение',
      rejected: 'Отклонён',
      cancelled: 'Отозван',
      dropped: 'Выбыл',
    },
    outcomes: {
      employed: 'Трудоустроен',
      self_employed: 'Зарегистрирован как ИП',
      centre_workshop: 'Работает в мастерской центра',
      unemployed: 'Не трудоустроен',
      further_training: 'Продолжает обучение',
    },
    certificateStatuses: {
      pending: 'Готовится',
      issued: 'Выдан',
      failed: 'Ошибка',
      revoked: 'Отозван',
    },
  },
  en: {
    number: 'Referral number',
    referredOn: 'Referral date',
    employmentCenter: 'Employment centre',
    lastName: 'Last name',
    firstName: 'First name',
    patronymic: 'Patronymic',
    iin: 'IIN',
    craft: 'Craft',
    course: 'Course',
    groupCode: 'Group',
    startDate: 'Start',
    endDate: 'End',
    status: 'Status',
    attendanceRate: 'Attendance',
    certificateNumber: 'Certificate',
    certificateStatus: 'Certificate status',
    outcome: 'Outcome',
    outcomeDate: 'Outcome date',
    sheetRows: 'Referrals',
    sheetSummary: 'Summary',
    period: 'Period',
    referrals: 'Referrals',
    completionRate: 'Completion rate',
    employmentRate: 'Employment rate',
    byStatus: 'By status',
    byCraft: 'By craft',
    byOutcome: 'By outcome',
    statuses: {
      submitted: 'Submitted',
      accepted: 'Accepted',
      enrolled: 'Enrolled',
      completed: 'Completed',
      rejected: 'Rejected',
      cancelled: 'Cancelled',
      dropped: 'Dropped',
    },
    outcomes: {
      employed: 'Employed',
      self_employed: 'Registered as an individual entrepreneur',
      centre_workshop: "Works in the centre's workshop",
      unemployed: 'Not employed',
      further_training: 'Further training',
    },
    certificateStatuses: {
      pending: 'Pending',
      issued: 'Issued',
      failed: 'Failed',
      revoked: 'Revoked',
    },
  },
};

/** Craft names by code in each language, as the crafts table holds them. */
export type CraftNames = Record<string, Record<ReportLanguage, string>>;

/** The first of kk, ru, en that an Accept-Language header asks for; Russian otherwise. */
export function reportLanguage(acceptLanguage: string | undefined): ReportLanguage {
  return preferredLanguage(acceptLanguage, 'ru');
}

/** A row's cells as text in the language: statuses, outcomes and crafts by name. */
function textCell(
  row: ReferralReportRow,
  key: Column,
  labels: Labels,
  crafts: CraftNames,
  lang: ReportLanguage,
): string | null {
  if (key === 'status') return labels.statuses[row.status];
  if (key === 'outcome') return row.outcome ? labels.outcomes[row.outcome] : null;
  if (key === 'certificateStatus') {
    return row.certificateStatus
      ? (labels.certificateStatuses[row.certificateStatus] ?? row.certificateStatus)
      : null;
  }
  if (key === 'craft') return crafts[row.craft]?.[lang] ?? row.craft;
  if (key === 'employmentCenter') return row.employmentCenter[lang];
  if (key === 'attendanceRate') {
    return row.attendanceRate === null ? null : `${Math.round(row.attendanceRate * 1000) / 10}%`;
  }
  const value = row[key];
  return value === null ? null : String(value);
}

/** The report's rows, a batch at a time, in the order of the report. */
export type ReferralReportBatches = AsyncIterable<readonly ReferralReportRow[]>;

/**
 * The report as one JSON document, `{period, employmentCenterId, totals, rows: [...]}`, written
 * as the rows are read: each batch becomes one chunk, and the next is read only when the reader
 * has taken it, so a year of a national network is never held whole. A failure destroys the
 * stream, so no reader takes a cut document for a whole one.
 */
export function referralReportJson(
  summary: ReferralReportSummary,
  batches: ReferralReportBatches,
): Readable {
  async function* chunks(): AsyncGenerator<string> {
    // The summary's own JSON without its closing brace, so the rows follow as its last member.
    yield `${JSON.stringify(summary).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      yield `${first ? '' : ','}${batch.map((row) => JSON.stringify(row)).join(',')}`;
      first = false;
    }
    yield ']}';
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The rows as CSV in the language (see csvDocumentStream), read a batch at a time. */
export function referralReportCsv(
  batches: ReferralReportBatches,
  lang: ReportLanguage,
  crafts: CraftNames,
  delimiter: CsvDelimiter = 'comma',
): Readable {
  const labels = LABELS[lang];
  async function* rows(): AsyncGenerator<CsvRow> {
    yield COLUMNS.map((c) => labels[c.key]);
    for await (const batch of batches)
      for (const row of batch) yield COLUMNS.map((c) => textCell(row, c.key, labels, crafts, lang));
  }
  return csvDocumentStream(rows(), delimiter);
}

function dateCell(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

/**
 * The report as an Excel workbook, written as the rows are read: the rows (a header row in the
 * language, column widths, dates as date cells, attendance as a percentage), and a summary sheet
 * with the counts and rates. A failure destroys the stream, so no reader takes a cut file for a
 * whole one.
 */
export function referralReportXlsx(
  summary: ReferralReportSummary,
  batches: ReferralReportBatches,
  lang: ReportLanguage,
  crafts: CraftNames,
): Readable {
  const output = new PassThrough();
  writeReferralWorkbook(output, summary, batches, lang, crafts).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

/** Resolves once the reader has taken what was written; false when the reader has gone. */
function readerKeepsUp(output: Writable): Promise<boolean> {
  if (output.destroyed) return Promise.resolve(false);
  if (!output.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (open: boolean) => () => {
      output.off('drain', drained);
      output.off('close', closed);
      resolve(open);
    };
    const drained = done(true);
    const closed = done(false);
    output.once('drain', drained);
    output.once('close', closed);
  });
}

async function writeReferralWorkbook(
  output: PassThrough,
  report: ReferralReportSummary,
  batches: ReferralReportBatches,
  lang: ReportLanguage,
  crafts: CraftNames,
): Promise<void> {
  const labels = LABELS[lang];
  // Inline strings: shared strings would keep every distinct text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Sheber';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(labels.sheetRows, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.columns = COLUMNS.map((c) => ({
    header: labels[c.key],
    key: c.key,
    width: c.width,
    ...(c.date && { style: { numFmt: 'dd.mm.yyyy' } }),
    ...(c.percent && { style: { numFmt: '0.0%' } }),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of batches) {
    for (const row of batch) {
      sheet
        .addRow(
          Object.fromEntries(
            COLUMNS.map((c) => [
              c.key,
              c.date
                ? dateCell(row[c.key] as string | null)
                : c.percent
                  ? row.attendanceRate
                  : textCell(row, c.key, labels, crafts, lang),
            ]),
          ),
        )
        .commit();
    }
    // The next batch is read only when the reader has taken this one.
    if (!(await readerKeepsUp(output))) return;
  }
  sheet.commit();

  const summary = workbook.addWorksheet(labels.sheetSummary);
  summary.columns = [{ width: 40 }, { width: 16 }];
  const { totals } = report;
  const add = (label: string, value: string | number | Date | null, numFmt?: string) => {
    const added = summary.addRow([label, value]);
    if (numFmt) added.getCell(2).numFmt = numFmt;
    return added;
  };
  const heading = (label: string) => {
    summary.addRow([]);
    summary.addRow([label]).font = { bold: true };
  };
  add(labels.period, `${report.period.from} — ${report.period.to}`).font = { bold: true };
  add(labels.referrals, totals.referrals);
  add(labels.completionRate, totals.completionRate, '0.0%');
  add(labels.employmentRate, totals.employmentRate, '0.0%');
  heading(labels.byStatus);
  for (const status of REFERRAL_STATUSES) add(labels.statuses[status], totals.byStatus[status]);
  heading(labels.byCraft);
  for (const [craft, count] of Object.entries(totals.byCraft))
    add(crafts[craft]?.[lang] ?? craft, count);
  heading(labels.byOutcome);
  for (const outcome of REFERRAL_OUTCOMES) add(labels.outcomes[outcome], totals.byOutcome[outcome]);
  summary.commit();

  await workbook.commit();
}
