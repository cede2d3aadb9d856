import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import type { Actor } from '@sheber/common';
import { WithdrawalView, WithdrawEnrollmentDto } from '@sheber/enrollments';
import { EnrollmentClosingService } from '@sheber/training';
import { uuidParam } from '../common/uuid-param';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('enrollments')
export class EnrollmentsController {
  constructor(private readonly closing: EnrollmentClosingService) {}

  /**
   * Withdraws an active or waitlisted trainee; the first on the waitlist takes a freed seat, and
   * the answer names who moved up, with the phones to call.
   */
  @Roles('staff')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdrawEnrollment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: WithdrawEnrollmentDto,
  ): Promise<WithdrawalView> {
    return this.closing.withdrawEnrollment(actor, id, input.reason);
  }
}
