export * from './groups.errors';
export * from './entities/group.entity';
export * from './schedule';
export * from './dto/group.dto';
export * from './groups.service';
export * from './groups.module';
