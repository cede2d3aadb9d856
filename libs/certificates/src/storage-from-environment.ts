import type { Environment } from '@sheber/config';
import { CertificateStorage, LocalDirectoryStorage } from './certificate-storage';
import { createS3Storage } from './s3-storage';

/** The storage CERTIFICATE_STORAGE names, set up from the validated environment. */
export async function createCertificateStorage(env: Environment): Promise<CertificateStorage> {
  switch (env.CERTIFICATE_STORAGE) {
    case 'local':
      return new LocalDirectoryStorage(env.CERTIFICATE_STORAGE_DIR);
    case 's3':
      return createS3Storage({
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        bucket: env.S3_BUCKET,
        prefix:
          env.S3_PREFIX === '' || env.S3_PREFIX.endsWith('/') ? env.S3_PREFIX : `${env.S3_PREFIX}/`,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      });
  }
}
