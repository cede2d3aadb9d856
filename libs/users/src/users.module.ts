import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CraftsModule } from '@sheber/crafts';
import { EmploymentCentersModule } from '@sheber/employment-centers';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, CraftsModule, EmploymentCentersModule],
  providers: [UsersRepository, UsersService],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
