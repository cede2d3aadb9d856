import type { S3Client } from '@aws-sdk/client-s3';
import {
  assertSafeStorageKey,
  CertificateStorage,
  storedFileNotFound,
} from './certificate-storage';

export interface S3StorageOptions {
  /** Empty for AWS itself; the address of any other S3-compatible store (MinIO, a local cloud). */
  endpoint: string;
  region: string;
  bucket: string;
  /** Put before every key, e.g. `sheber/certificates/`; empty for the bucket's root. */
  prefix: string;
  /** Both empty: the SDK's own chain (AWS_* variables, a profile, an instance role). */
  accessKeyId: string;
  secretAccessKey: string;
  /** `bucket` in the path rather than the host name: MinIO and most self-hosted stores want it. */
  forcePathStyle: boolean;
}

/** `s3` and the commands, loaded only when this backend is chosen (see createS3Storage). */
type Sdk = typeof import('@aws-sdk/client-s3');

/** Where a put writes first, under the prefix; assertSafeStorageKey keeps keys out of it. */
const INCOMPLETE = '.incomplete/';

/**
 * Certificates in an S3 bucket, so that any number of API and worker machines see one store.
 *
 * A put writes the whole file to a temporary key under `.incomplete/`, copies it to its key inside
 * the store and deletes the temporary one, as the local directory writes a temporary file and
 * renames it. AWS and MinIO would never show a cut-off upload anyway, but not every S3-compatible
 * store is as careful (s3rver, which the tests run, keeps the part it received), and a reader must
 * never get half a PDF. The sweeper's removeAbandoned deletes the temporary objects of workers
 * killed between the two steps (docs/decisions/0001-s3-certificate-storage.md).
 */
export class S3Storage extends CertificateStorage {
  constructor(
    private readonly sdk: Sdk,
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {
    super();
  }

  private objectKey(key: string): string {
    assertSafeStorageKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.objectKey(key);
    const temporary = `${this.prefix}${INCOMPLETE}${key}.${process.pid}.${Date.now()}`;
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: temporary,
        Body: data,
        ContentLength: data.length,
        ContentType: key.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream',
      }),
    );
    // Keys hold only characters that need no escaping in the copy source (assertSafeStorageKey).
    await this.client.send(
      new this.sdk.CopyObjectCommand({
        Bucket: this.bucket,
        Key: target,
        CopySource: `${this.bucket}/${temporary}`,
      }),
    );
    // The file is in place; a temporary object left by a failed delete goes with the next sweep.
    await this.client
      .send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: temporary }))
      .catch(() => undefined);
  }

  async get(key: string): Promise<Buffer> {
    try {
      const object = await this.client.send(
        new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      if (!object.Body) throw storedFileNotFound(key);
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      if ((error as Error).name === 'NoSuchKey' || status === 404) throw storedFileNotFound(key);
      throw error;
    }
  }

  /** S3 answers a delete of a missing key with success, as the contract wants. */
  async remove(key: string): Promise<void> {
    await this.client.send(
      new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
    );
  }

  /**
   * Deletes the temporary objects older than `olderThanMs`: one listing of `.incomplete/`, which
   * holds only writes in flight or abandoned. Incomplete multipart uploads are not listed: this
   * backend never starts one (a PDF is some 30 KB), and the bucket's lifecycle rule
   * (AbortIncompleteMultipartUpload, docs/OPERATIONS.md) handles other tools' leftovers.
   */
  async removeAbandoned(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new this.sdk.ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${this.prefix}${INCOMPLETE}`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || !object.LastModified || object.LastModified.getTime() >= cutoff)
          continue;
        await this.client.send(
          new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: object.Key }),
        );
        removed += 1;
      }
      token = page.NextContinuationToken;
    } while (token);
    return removed;
  }

  override close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }
}

/**
 * Builds the S3 backend. The SDK is imported here, on first use, so that a process on the local
 * directory (the default) does not pay for loading it at every start.
 */
export async function createS3Storage(options: S3StorageOptions): Promise<S3Storage> {
  const sdk = await import('@aws-sdk/client-s3');
  const client = new sdk.S3Client({
    region: options.region,
    ...(options.endpoint && { endpoint: options.endpoint }),
    forcePathStyle: options.forcePathStyle,
    ...(options.accessKeyId && {
      credentials: {
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
      },
    }),
    // The SDK's default adds CRC32 checksum headers to every upload and checks them on download;
    // stores other than AWS (older MinIO, Ceph-based clouds) refuse or mangle them. The file's
    // SHA-256, recorded by the issuer, is what a download or a restored backup is checked against.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that hangs must not hold a job (lock 10 s) or a download for ever.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
    maxAttempts: 3,
  });
  return new S3Storage(sdk, client, options.bucket, options.prefix);
}
