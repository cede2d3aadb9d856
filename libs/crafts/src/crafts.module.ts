import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CraftsService } from './crafts.service';
import { Craft } from './entities/craft.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Craft])],
  providers: [CraftsService],
  exports: [CraftsService],
})
export class CraftsModule {}
