export * from './trainees.errors';
export * from './entities/trainee.entity';
export * from './iin';
export * from './dto/trainee.dto';
export * from './trainees.repository';
export * from './trainees.service';
export * from './trainees.module';
