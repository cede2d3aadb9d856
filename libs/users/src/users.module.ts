import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
