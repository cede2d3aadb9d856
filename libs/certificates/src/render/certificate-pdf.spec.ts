import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type CertificateDocument,
  loadCertificateFonts,
  renderCertificatePdf,
  renderCertificatesPdf,
  REVOKED_STAMP,
} from './certificate-pdf';

const DATA: CertificateDocument = {
  number: 'SHB-2026-00042',
  holder: 'Әбілқасымова Гүлжан Нұрғалиқызы',
  courseTitle: 'Қыш құмыра: шеңбермен жұмыс',
  craft: { kk: 'Құмырашылық', ru: 'Гончарное дело' },
  hours: 96,
  startDate: '2026-09-07',
  endDate: '2026-12-25',
  master: 'Айгүл Бекқызы Оспанова',
  issueDate: '2026-12-28',
  verificationUrl: 'https://sheber.example.kz/verify/7K3M9Q2X5T8V1W4Z',
};

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sheber-pdf-'));
  const file = path.join(dir, 'certificate.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('renderCertificatePdf', () => {
  const fonts = loadCertificateFonts();

  it('renders an A4 landscape PDF whose text keeps every Kazakh letter', async () => {
    const pdf = await renderCertificatePdf(DATA, fonts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = pdfText(pdf);
    for (const expected of [
      'Әбілқасымова Гүлжан Нұрғалиқызы',
      'Қыш құмыра: шеңбермен жұмыс',
      'SHB-2026-00042',
      'Гончарное дело',
      '07.09.2026 – 25.12.2026',
      'Айгүл Бекқызы Оспанова',
      '28.12.2026',
      DATA.verificationUrl,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/[әғқңөұүһі]/);
  });

  it('stamps a revoked certificate in English, Kazakh and Russian, naming its replacement', async () => {
    const pdf = await renderCertificatePdf(
      { ...DATA, revoked: { date: '2027-01-15', replacedBy: 'SHB-2027-00003' } },
      fonts,
    );
    const text = pdfText(pdf);
    expect(text).toContain(`${REVOKED_STAMP} · 15.01.2027 → SHB-2027-00003`);
    expect(text).toContain('Әбілқасымова Гүлжан Нұрғалиқызы');
    expect(pdfText(await renderCertificatePdf(DATA, fonts))).not.toContain('REVOKED');
  });

  it('puts several certificates in one PDF, a page each', async () => {
    const pdf = await renderCertificatesPdf(
      [DATA, { ...DATA, number: 'SHB-2026-00043', holder: 'Сейітов Ерлан' }],
      fonts,
      { title: 'JW-2026-03', date: '2026-12-28' },
    );
    const pages = pdfText(pdf).split('\f');
    expect(pages[0]).toContain('SHB-2026-00042');
    expect(pages[1]).toContain('Сейітов Ерлан');
  });

  it('gives the same bytes for the same data', async () => {
    const [a, b] = await Promise.all([
      renderCertificatePdf(DATA, fonts),
      renderCertificatePdf(DATA, fonts),
    ]);
    expect(a.equals(b)).toBe(true);
  });
});
