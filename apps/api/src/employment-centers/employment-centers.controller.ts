import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page, PageQueryDto } from '@sheber/common';
import {
  CreateEmploymentCenterDto,
  EmploymentCenterView,
  EmploymentCentersService,
  UpdateEmploymentCenterDto,
} from '@sheber/employment-centers';
import { uuidParam } from '../common/uuid-param';

@ApiTags('employment-centers')
@ApiBearerAuth()
@Controller('employment-centers')
export class EmploymentCentersController {
  constructor(private readonly centers: EmploymentCentersService) {}

  /** Registers an employment centre (admin). */
  @Post()
  @ApiConflictResponse({ description: 'A centre with this name already exists' })
  createEmploymentCenter(
    @CurrentActor() actor: Actor,
    @Body() input: CreateEmploymentCenterDto,
  ): Promise<EmploymentCenterView> {
    return this.centers.createEmploymentCenter(actor, input);
  }

  /** Renames an employment centre or changes its region (admin). */
  @Patch(':id')
  @ApiConflictResponse({ description: 'A centre with this name already exists' })
  updateEmploymentCenter(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: UpdateEmploymentCenterDto,
  ): Promise<EmploymentCenterView> {
    return this.centers.updateEmploymentCenter(actor, id, input);
  }

  /** Lists employment centres (staff and admin). */
  @Roles('staff')
  @Get()
  @ApiPageResponse(EmploymentCenterView)
  listEmploymentCenters(@Query() query: PageQueryDto): Promise<Page<EmploymentCenterView>> {
    return this.centers.listEmploymentCenters(query.limit, query.offset);
  }
}
