export * from './users.errors';
export * from './entities/user.entity';
export * from './entities/master-craft.entity';
export * from './dto/user.dto';
export * from './password';
export * from './users.repository';
export * from './users.service';
export * from './users.module';
