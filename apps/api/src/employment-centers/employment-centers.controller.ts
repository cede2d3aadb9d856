import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import { type Actor, type Page, PageQueryDto } from '@sheber/common';
import {
  CreateEmploymentCenterDto,
  EmploymentCenter,
  EmploymentCentersService,
} from '@sheber/employment-centers';

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
  ): Promise<EmploymentCenter> {
    return this.centers.createEmploymentCenter(actor, input);
  }

  /** Lists employment centres (staff and admin). */
  @Roles('staff')
  @Get()
  listEmploymentCenters(@Query() query: PageQueryDto): Promise<Page<EmploymentCenter>> {
    return this.centers.listEmploymentCenters(query.limit, query.offset);
  }
}
