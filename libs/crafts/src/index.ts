export * from './entities/craft.entity';
export * from './dto/craft.dto';
export * from './crafts.service';
export * from './crafts.module';
