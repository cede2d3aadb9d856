import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@sheber/auth';
import { GroupsService, MasterQueryDto, MasterView } from '@sheber/groups';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('masters')
export class MastersController {
  constructor(private readonly groups: GroupsService) {}

  /** Active masters with their crafts and unfinished groups, optionally of one craft. */
  @Roles('staff')
  @Get()
  listMasters(@Query() query: MasterQueryDto): Promise<MasterView[]> {
    return this.groups.listMasters(query.craft);
  }
}
