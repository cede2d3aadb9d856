import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { freePort } from './processes';

/** s3rver accepts only these credentials (its signature check is real). */
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** The variables that point a Sheber process at this server, with `prefix` before every key. */
  env: (prefix?: string) => Record<string, string>;
  /** A client of the test's own, to look into the bucket past the storage under test. */
  client: S3Client;
  keys: (prefix?: string) => Promise<string[]>;
  read: (key: string) => Promise<Buffer>;
  remove: (key: string) => Promise<void>;
  /** Makes an object look `ageMs` old (s3rver reports its file's time as LastModified). */
  backdate: (key: string, ageMs: number) => void;
  close: () => Promise<void>;
}

/**
 * A real S3-protocol server (s3rver, from npm) in a process of its own on a free port, with one
 * bucket, storing into a temporary directory. Requests are signed and checked as S3 does.
 */
export async function startS3Server(bucket = 'sheber-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(tmpdir(), 'sheber-s3-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/s3rver/bin/s3rver.js',
      '--directory',
      directory,
      '--address',
      '127.0.0.1',
      '--port',
      String(port),
      '--silent',
      '--no-vhost-buckets',
      '--configure-bucket',
      bucket,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Any HTTP answer (an anonymous request is refused with 403) means it is listening.
    const answered = await fetch(`${endpoint}/${bucket}`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`s3rver did not start on ${endpoint}: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    bucket,
    env: (prefix = '') => ({
      CERTIFICATE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_PREFIX: prefix,
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    client,
    keys: async (prefix = '') => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    read: async (key) => {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    remove: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    backdate: (key, ageMs) => {
      const name = `${key.split('/').pop()}._S3rver_object`;
      const files = readdirSync(directory, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile() && entry.name === name,
      );
      if (files.length !== 1) throw new Error(`${key} is not stored once in s3rver`);
      const then = new Date(Date.now() - ageMs);
      utimesSync(path.join(files[0]!.parentPath, name), then, then);
    },
    close: async () => {
      client.destroy();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
