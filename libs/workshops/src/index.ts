export * from './workshops.errors';
export * from './entities/workshop.entity';
export * from './dto/workshop.dto';
export * from './workshops.repository';
export * from './workshops.service';
export * from './workshops.module';
