import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, RateLimit, Roles } from '@sheber/auth';
import {
  CertificateQueryDto,
  CertificatesService,
  CertificateView,
  PublicCertificateView,
  RevokeCertificateDto,
} from '@sheber/certificates';
import type { Actor, Page } from '@sheber/common';
import { uuidParam } from '../common/uuid-param';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** Certificates, newest number first, optionally of one group, trainee or status. */
  @Roles('staff')
  @Get()
  listCertificates(@Query() query: CertificateQueryDto): Promise<Page<CertificateView>> {
    return this.certificates.listCertificates(query);
  }

  /** One certificate. */
  @Roles('staff')
  @Get(':id')
  getCertificate(@Param('id', uuidParam()) id: string): Promise<CertificateView> {
    return this.certificates.getCertificate(id);
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
