import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public, RateLimit, Roles } from '@sheber/auth';
import {
  CertificateQueryDto,
  CertificatesService,
  CertificateView,
  PublicCertificateView,
  ReissueCertificateDto,
  RevokeCertificateDto,
} from '@sheber/certificates';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import { uuidParam } from '../common/uuid-param';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** Certificates, newest number first, optionally of one group, trainee or status. */
  @Roles('staff')
  @Get()
  @ApiPageResponse(CertificateView)
  listCertificates(@Query() query: CertificateQueryDto): Promise<Page<CertificateView>> {
    return this.certificates.listCertificates(query);
  }

  /** One certificate. */
  @Roles('staff')
  @Get(':id')
  getCertificate(@Param('id', uuidParam()) id: string): Promise<CertificateView> {
    return this.certificates.getCertificate(id);
  }

  /**
   * The certificate's PDF, named after its number (staff; the officer whose centre referred the
   * holder). A revoked certificate comes with a large diagonal stamp "REVOKED · КҮШІ ЖОЙЫЛДЫ ·
   * АННУЛИРОВАН" over the page; the header `x-certificate-status` names the status.
   */
  @Roles('staff', 'officer')
  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  async downloadCertificatePdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { number, status, pdf } = await this.certificates.readCertificatePdf(actor, id);
    // The number is SHB-YYYY-NNNNN: safe as a file name as it is.
    void reply
      .header('content-type', 'application/pdf')
      .header('x-certificate-status', status)
      .header(
        'content-disposition',
        `attachment; filename="${number.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
      );
    return pdf;
  }

  /** Revokes a certificate (admin, with a reason); verification then says it is not valid. */
  @Post(':id/revoke')
  @HttpCode(200)
  revokeCertificate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: RevokeCertificateDto,
  ): Promise<CertificateView> {
    return this.certificates.revokeCertificate(actor, id, input.reason);
  }

  /**
   * Reissues a certificate (admin, with a reason): the old one is revoked and names its
   * replacement (`replacedBy`, also in the public check); the replacement takes the next number
   * and is rendered from the current data by the worker. Returns the replacement.
   */
  @Post(':id/reissue')
  @HttpCode(201)
  reissueCertificate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: ReissueCertificateDto,
  ): Promise<CertificateView> {
    return this.certificates.reissueCertificate(actor, id, input.reason);
  }
}

@ApiTags('certificates')
@Controller('public/certificates')
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /**
   * Verifies a certificate by the code of its QR code, without signing in: the holder's name and
   * the certificate's facts, `valid: false` with the status for revoked, pending or unknown codes.
   */
  @Public()
  @RateLimit({ limit: 60, windowSeconds: 60 })
  @Get(':code')
  verifyCertificate(@Param('code') code: string): Promise<PublicCertificateView> {
    return this.certificates.verifyCertificate(code);
  }
}
