import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, todayIn } from '@sheber/common';
import { Environment } from '@sheber/config';
import { preparedRows } from '@sheber/database/sql';
import {
  CERTIFICATE_TO_ISSUE,
  type CertificateToIssue,
  printedCertificate,
  printedCertificatesOfGroup,
  printedGroupCode,
  type PrintedCertificateRow,
} from './certificate-print.queries';
import { CERTIFICATE_TRANSITIONS } from './certificate-status';
import { CertificateStorage } from './certificate-storage';
import { CertificatesRepository } from './certificates.repository';
import { holderName } from './holder-name';
import {
  type CertificateDocument,
  type CertificateFonts,
  loadCertificateFonts,
  renderCertificatePdf,
  renderCertificatesPdf,
} from './render/certificate-pdf';

export type IssueOutcome = 'issued' | 'skipped';

/**
 * Renders and stores a pending (or failed) certificate and marks it issued. Safe to run twice for
 * one certificate, even at once: only the run whose update finds it still pending or failed
 * records the file; the other changes nothing.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger('Certificates');
  private fonts?: CertificateFonts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: CertificateStorage,
    private readonly repository: CertificatesRepository,
    private readonly env: Environment,
  ) {}

  private verificationUrl(code: string): string {
    return `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${code}`;
  }

  private documentOf(row: PrintedCertificateRow): CertificateDocument {
    return {
      number: row.number,
      holder: holderName(row),
      courseTitle: row.title,
      craft: { kk: row.name_kk, ru: row.name_ru },
      hours: row.hours,
      startDate: row.start_date,
      endDate: row.end_date,
      master: row.master,
      issueDate: row.issue_date,
      verificationUrl: this.verificationUrl(row.verification_code),
      ...(row.status === 'revoked' && {
        revoked: { date: row.revoked_on ?? row.issue_date, replacedBy: row.replaced_by },
      }),
    };
  }

  /**
   * A revoked certificate as it is served: drawn again from the database with the revocation
   * stamp over it (pdfkit cannot draw onto an existing PDF); the stored original stays as it was.
   */
  async renderRevokedCertificate(certificateId: string): Promise<Buffer> {
    const row = await printedCertificate(this.dataSource, this.env.CENTRE_TIMEZONE, certificateId);
    if (!row) throw new Error(`Certificate ${certificateId} is gone`);
    this.fonts ??= loadCertificateFonts();
    return renderCertificatePdf(this.documentOf(row), this.fonts);
  }

  /**
   * Every issued, not revoked, certificate of a group as printed, in the order of their numbers,
   * with the group's code; 409 when there is none to print.
   */
  async groupCertificateSet(
    groupId: string,
  ): Promise<{ code: string; documents: CertificateDocument[] }> {
    const code = await printedGroupCode(this.dataSource, groupId);
    if (code === undefined) throw new NotFoundError('Group', groupId);
    const rows = await printedCertificatesOfGroup(
      this.dataSource,
      this.env.CENTRE_TIMEZONE,
      groupId,
    );
    if (rows.length === 0) {
      throw new ConflictError('group.no_issued_certificates', { group: code });
    }
    return { code, documents: rows.map((row) => this.documentOf(row)) };
  }

  /** Certificates in one PDF, one page each, titled with the group's code. */
  renderCertificateSet(code: string, documents: CertificateDocument[]): Promise<Buffer> {
    this.fonts ??= loadCertificateFonts();
    return renderCertificatesPdf(documents, this.fonts, {
      title: `Сертификаттар · Сертификаты ${code}`,
      date: todayIn(this.env.CENTRE_TIMEZONE),
    });
  }

  async issueCertificate(certificateId: string): Promise<IssueOutcome> {
    const [row] = await preparedRows<CertificateToIssue>(this.dataSource, CERTIFICATE_TO_ISSUE, [
      certificateId,
    ]);
    if (!row || !CERTIFICATE_TRANSITIONS.issue.from.includes(row.status)) return 'skipped';
    this.fonts ??= loadCertificateFonts();
    const started = performance.now();
    const pdf = await renderCertificatePdf(
      {
        number: row.number,
        holder: holderName(row),
        courseTitle: row.title,
        craft: { kk: row.name_kk, ru: row.name_ru },
        hours: row.hours,
        startDate: row.start_date,
        endDate: row.end_date,
        master: row.master,
        issueDate: todayIn(this.env.CENTRE_TIMEZONE),
        verificationUrl: this.verificationUrl(row.verification_code),
      },
      this.fonts,
    );
    const key = `${row.number.slice(4, 8)}/${row.number}.pdf`;
    await this.storage.put(key, pdf);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const outcome = (await this.repository.markIssued(certificateId, key, sha256))
      ? 'issued'
      : 'skipped';
    // Not recorded: issued meanwhile by another run (into this same key, which stays) or revoked
    // while it was drawn; then the file is no one's and goes.
    if (outcome === 'skipped' && (await this.repository.fileKeyOf(certificateId)) !== key) {
      await this.storage.remove(key);
    }
    // One line per render, ids only: an operator (and the reliability tests) can count renders.
    this.logger.log({
      msg: 'certificate rendered',
      certificateId,
      outcome,
      ms: Math.round(performance.now() - started),
    });
    return outcome;
  }

  /** After the last attempt: `failed` with the reason; it can be queued again. */
  markFailed(certificateId: string, reason: string): Promise<void> {
    return this.repository.markFailed(certificateId, reason);
  }
}
