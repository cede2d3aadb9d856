import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@sheber/config';
import { DatabaseModule } from '@sheber/database';
import { REDIS, RedisModule, waitForRedis } from '@sheber/redis';
import { CertificateIssuingModule } from './certificate-issuing.module';

/** Checks both connections at start and says when the worker is ready and when it stops. */
@Injectable()
class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query('SELECT 1');
    await waitForRedis(this.redis, 10_000);
    await this.redis.ping();
    this.logger.log('Worker ready: connected to PostgreSQL and Redis');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Worker stopped${signal ? ` on ${signal}` : ''}`);
  }
}

/** The background worker: an application context without HTTP, running the job processors. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ applicationName: 'sheber-worker', asynchronousCommit: true }),
    RedisModule,
    CertificateIssuingModule,
  ],
  providers: [WorkerLifecycle],
})
export class WorkerModule {}
