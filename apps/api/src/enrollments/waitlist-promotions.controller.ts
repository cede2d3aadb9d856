import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page, PageQueryDto } from '@sheber/common';
import { EnrollmentsService, WaitlistPromotionView } from '@sheber/enrollments';
import { uuidParam } from '../common/uuid-param';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('waitlist-promotions')
export class WaitlistPromotionsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  /** Trainees moved up from a waitlist whom nobody has yet confirmed calling, oldest first. */
  @Roles('staff')
  @Get()
  @ApiPageResponse(WaitlistPromotionView)
  listUnacknowledgedPromotions(@Query() query: PageQueryDto): Promise<Page<WaitlistPromotionView>> {
    return this.enrollments.listUnacknowledgedPromotions(query);
  }

  /** The trainee was called: the promotion leaves the list, with who did it (audited). */
  @Roles('staff')
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Someone has already acknowledged it' })
  acknowledgePromotion(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<WaitlistPromotionView> {
    return this.enrollments.acknowledgePromotion(actor, id);
  }
}
