export * from './entities/group.entity';
export * from './group-status';
export * from './groups.repository';
export * from './schedule';
export * from './dto/group.dto';
export * from './groups.service';
export * from './groups.module';
export * from './groups.repository';
