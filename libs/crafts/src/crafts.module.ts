import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CraftsRepository } from './crafts.repository';
import { CraftsService } from './crafts.service';
import { Craft } from './entities/craft.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Craft])],
  providers: [CraftsRepository, CraftsService],
  exports: [CraftsService, CraftsRepository],
})
export class CraftsModule {}
