export * from './entities/certificate.entity';
export * from './dto/certificate.dto';
export * from './certificate-number';
export * from './certificates.service';
export * from './certificates.module';
export * from './render/certificate-pdf';
export * from './certificate-storage';
export * from './certificate-issuer.service';
