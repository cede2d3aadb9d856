export * from './courses.errors';
export * from './entities/course.entity';
export * from './dto/course.dto';
export * from './courses.repository';
export * from './courses.service';
export * from './courses.module';
