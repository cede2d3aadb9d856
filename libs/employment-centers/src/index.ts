export * from './employment-centers.errors';
export * from './entities/employment-center.entity';
export * from './dto/create-employment-center.dto';
export * from './employment-centers.repository';
export * from './employment-centers.service';
export * from './employment-centers.module';
