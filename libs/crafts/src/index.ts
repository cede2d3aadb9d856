export * from './entities/craft.entity';
export * from './crafts.service';
export * from './crafts.module';
