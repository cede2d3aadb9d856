export * from './enrollments.errors';
export * from './entities/enrollment.entity';
export * from './dto/enrollment.dto';
export * from './enrollments.service';
export * from './enrollments.module';
export * from './attendance-rate';
export * from './lock-order';
export * from './enrollment-events';
