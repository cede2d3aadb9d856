export * from './documents.errors';
export * from './entities/prepared-document.entity';
export * from './dto/document.dto';
export * from './document-inputs';
export * from './documents.repository';
export * from './document-preparer.service';
export * from './documents.service';
export * from './documents.module';
