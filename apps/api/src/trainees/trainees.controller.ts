import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import {
  CreateTraineeDto,
  TraineeIinView,
  TraineeListItemView,
  TraineeQueryDto,
  TraineesService,
  TraineeView,
  UpdateTraineeDto,
} from '@sheber/trainees';
import { uuidParam } from '../common/uuid-param';

@ApiTags('trainees')
@ApiBearerAuth()
@Roles('staff')
@Controller('trainees')
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  /** Registers a trainee; birth date and sex come from the IIN; `consent: true` is required. */
  @Post()
  @ApiConflictResponse({ description: 'A trainee with this IIN exists' })
  createTrainee(
    @CurrentActor() actor: Actor,
    @Body() input: CreateTraineeDto,
  ): Promise<TraineeView> {
    return this.trainees.createTrainee(actor, input);
  }

  /** Finds trainees by part of a name or by IIN; IINs are masked in the list. */
  @Get()
  @ApiPageResponse(TraineeListItemView)
  listTrainees(@Query() query: TraineeQueryDto): Promise<Page<TraineeListItemView>> {
    return this.trainees.listTrainees(query);
  }

  /** One trainee, the IIN masked (`POST /api/trainees/:id/iin` shows it whole). */
  @Get(':id')
  viewTrainee(@Param('id', uuidParam()) id: string): Promise<TraineeView> {
    return this.trainees.viewTrainee(id);
  }

  /** The whole IIN, for staff who need it; each request is written to the audit log. */
  @Post(':id/iin')
  @HttpCode(200)
  revealIin(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<TraineeIinView> {
    return this.trainees.revealIin(actor, id);
  }

  /** Changes names, contacts, categories or guardian, or records consent again (the IIN never changes). */
  @Patch(':id')
  updateTrainee(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: UpdateTraineeDto,
  ): Promise<TraineeView> {
    return this.trainees.updateTrainee(actor, id, input);
  }
}
