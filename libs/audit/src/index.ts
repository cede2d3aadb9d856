export * from './entities/audit-entry.entity';
export * from './dto/audit-query.dto';
export * from './audit.repository';
export * from './audit-log.queries';
export * from './audit.service';
export * from './audit.module';
