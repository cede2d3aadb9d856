import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import {
  AcceptReferralDto,
  CancelReferralDto,
  CreateReferralDto,
  RecordOutcomeDto,
  type ReferralReport,
  referralReportCsv,
  referralReportJson,
  referralReportXlsx,
  ReferralQueryDto,
  ReferralReportQueryDto,
  ReferralReportView,
  ReferralsService,
  ReferralView,
  RejectReferralDto,
  reportLanguage,
} from '@sheber/referrals';
import { uuidParam } from '../common/uuid-param';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /** Refers a job seeker to a craft (officer); the person's IIN is checked as for trainees. */
  @Roles('officer')
  @Post()
  @ApiConflictResponse({
    description: 'The number is taken in this centre, or the person has an open referral',
  })
  createReferral(
    @CurrentActor() actor: Actor,
    @Body() input: CreateReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.createReferral(actor, input);
  }

  /** Referrals with their enrollment, attendance, certificate and outcome; IINs masked. */
  @Roles('staff', 'officer')
  @Get()
  @ApiPageResponse(ReferralView)
  listReferrals(
    @CurrentActor() actor: Actor,
    @Query() query: ReferralQueryDto,
  ): Promise<Page<ReferralView>> {
    return this.referrals.listReferrals(actor, query);
  }

  /**
   * Counts by status, craft and outcome, the completion and employment rates, and the rows of a
   * period, as JSON, CSV (UTF-8 with BOM) or XLSX; the files' headers are in `lang` or the
   * request's language. Each format is written as its rows are read, so a failure after the
   * first bytes ends the download unfinished instead of answering with an error.
   */
  @Roles('staff', 'officer')
  @Get('report')
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: ReferralReportView })
  async referralReport(
    @CurrentActor() actor: Actor,
    @Query() query: ReferralReportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralReport | Readable> {
    const { summary, batches } = await this.referrals.openReferralReport(actor, query);
    if (query.format === 'json') {
      // Streamed as well: a year's rows are never held whole (docs/decisions/0002).
      void reply.header('content-type', 'application/json; charset=utf-8');
      return referralReportJson(summary, batches);
    }
    const lang = query.lang ?? reportLanguage(acceptLanguage);
    const crafts = await this.referrals.craftNames();
    const name = `referrals-${query.from}-${query.to}.${query.format}`;
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      return referralReportCsv(batches, lang, crafts, query.delimiter);
    }
    void reply.header('content-type', XLSX);
    return referralReportXlsx(summary, batches, lang, crafts);
  }

  /** One referral with the whole IIN; every view is audited. */
  @Roles('staff', 'officer')
  @Get(':id')
  @ApiNotFoundResponse({ description: "Unknown, or another centre's referral (officers)" })
  viewReferral(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<ReferralView> {
    return this.referrals.viewReferral(actor, id);
  }

  /**
   * Intake (staff): finds or registers the trainee by IIN and, with `groupId`, enrolls into that
   * group of the referred craft (a waitlisted place counts as enrolled).
   */
  @Roles('staff')
  @Post(':id/accept')
  @HttpCode(200)
  @ApiConflictResponse({
    description: 'The referral is not waiting for intake, or enrolling failed',
  })
  acceptReferral(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: AcceptReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.acceptReferral(actor, id, input);
  }

  /** Refuses a referral that is not enrolled yet (staff, with a reason). */
  @Roles('staff')
  @Post(':id/reject')
  @HttpCode(200)
  rejectReferral(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: RejectReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.rejectReferral(actor, id, input);
  }

  /** The officer withdraws the referral before the person is enrolled. */
  @Roles('officer')
  @Post(':id/cancel')
  @HttpCode(200)
  cancelReferral(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: CancelReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.cancelReferral(actor, id, input);
  }

  /** What became of the person after training completed or was dropped. */
  @Roles('staff', 'officer')
  @Put(':id/outcome')
  recordOutcome(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: RecordOutcomeDto,
  ): Promise<ReferralView> {
    return this.referrals.recordOutcome(actor, id, input);
  }
}
