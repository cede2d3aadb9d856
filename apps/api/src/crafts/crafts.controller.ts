import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyUser } from '@sheber/auth';
import { CraftsService, CraftView } from '@sheber/crafts';

@ApiTags('crafts')
@ApiBearerAuth()
@Controller('crafts')
export class CraftsController {
  constructor(private readonly crafts: CraftsService) {}

  /** The crafts the centre teaches, with names in Kazakh, Russian and English. */
  @AnyUser()
  @Get()
  @ApiOkResponse({ type: [CraftView] })
  listCrafts(): Promise<CraftView[]> {
    return this.crafts.listCrafts();
  }
}
