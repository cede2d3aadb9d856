export * from './entities/craft.entity';
export * from './crafts.repository';
export * from './dto/craft.dto';
export * from './crafts.service';
export * from './crafts.module';
