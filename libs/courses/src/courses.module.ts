import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CoursesService } from './courses.service';

@Module({ imports: [AuditModule], providers: [CoursesService], exports: [CoursesService] })
export class CoursesModule {}
