import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CraftsModule } from '@sheber/crafts';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';

@Module({
  imports: [AuditModule, CraftsModule],
  providers: [CoursesRepository, CoursesService],
  exports: [CoursesService, CoursesRepository],
})
export class CoursesModule {}
