import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import {
  CreateWorkshopDto,
  UpdateWorkshopDto,
  WorkshopQueryDto,
  WorkshopsService,
  WorkshopView,
} from '@sheber/workshops';
import { uuidParam } from '../common/uuid-param';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopsController {
  constructor(private readonly workshops: WorkshopsService) {}

  /** Adds a workshop: a room for one craft with its number of workplaces. */
  @Roles('staff')
  @Post()
  @ApiCreatedResponse({ type: WorkshopView })
  @ApiConflictResponse({ description: 'A workshop with this name already exists' })
  createWorkshop(
    @CurrentActor() actor: Actor,
    @Body() input: CreateWorkshopDto,
  ): Promise<WorkshopView> {
    return this.workshops.createWorkshop(actor, input);
  }

  /** The workshops by name (Kazakh order), optionally of one craft or only active ones. */
  @Roles('staff')
  @Get()
  @ApiPageResponse(WorkshopView)
  listWorkshops(@Query() query: WorkshopQueryDto): Promise<Page<WorkshopView>> {
    return this.workshops.listWorkshops(query);
  }

  /** One workshop. */
  @Roles('staff')
  @Get(':id')
  @ApiOkResponse({ type: WorkshopView })
  getWorkshop(@Param('id', uuidParam()) id: string): Promise<WorkshopView> {
    return this.workshops.getWorkshop(id);
  }

  /** Renames a workshop, changes its craft or workplaces; `active: false` retires it. */
  @Roles('staff')
  @Patch(':id')
  @ApiOkResponse({ type: WorkshopView })
  @ApiConflictResponse({
    description: 'The name is taken, or a group held there would no longer fit (named)',
  })
  updateWorkshop(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: UpdateWorkshopDto,
  ): Promise<WorkshopView> {
    return this.workshops.updateWorkshop(actor, id, input);
  }
}
