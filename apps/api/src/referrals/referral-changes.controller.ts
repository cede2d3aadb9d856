import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import type { Actor } from '@sheber/common';
import {
  RecordReferralLookDto,
  ReferralChangesService,
  ReferralChangesView,
  ReferralLookView,
} from '@sheber/referrals';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals/changes')
export class ReferralChangesController {
  constructor(private readonly changes: ReferralChangesService) {}

  /**
   * What changed in the own centre's referrals since the officer last looked: accepted,
   * enrolled, rejected, dropped, completed, certificate issued.
   */
  @Roles('officer')
  @Get()
  changesSinceLastLook(@CurrentActor() actor: Actor): Promise<ReferralChangesView> {
    return this.changes.changesSinceLastLook(actor);
  }

  /** The officer has seen the changes (up to `until`, the moment the list was read). */
  @Roles('officer')
  @Put('seen')
  recordLook(
    @CurrentActor() actor: Actor,
    @Body() input: RecordReferralLookDto,
  ): Promise<ReferralLookView> {
    return this.changes.recordLook(actor, input.until);
  }
}
