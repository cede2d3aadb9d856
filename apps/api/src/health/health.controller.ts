import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  type HealthCheckResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '@sheber/auth';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../common/exception.filter';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /**
   * 200 with the state of PostgreSQL and Redis, or 503 with the same body when either is down.
   * A Redis that may evict keys is up but not ok: 200 with `degraded: true` (README, Health), so
   * that a load balancer keeps the API in service while monitoring raises it.
   */
  @Public()
  @Get()
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis is down' })
  async checkHealth(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult & { degraded?: true }> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1000 }),
        () => this.redis.pingCheck('redis'),
      ]);
      const redis = result.info?.redis;
      return redis && 'ok' in redis && redis.ok === false ? { ...result, degraded: true } : result;
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        void reply.status(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
