import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyAttemptsError } from '@sheber/common';
import { RateLimiter } from '@sheber/redis';
import { waitWords } from './sign-in-limits';

export const RATE_LIMIT_KEY = 'sheber:rate-limit';

export interface RateLimitOptions {
  /** Requests allowed per address within the window. */
  limit: number;
  windowSeconds: number;
}

/** Limits how often one address may call a route, across all API processes. */
export const RateLimit = (options: RateLimitOptions): MethodDecorator =>
  SetMetadata(RATE_LIMIT_KEY, options);

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<RateLimitOptions | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (!options) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    const result = await this.limiter.hit(
      `${route}:${request.ip}`,
      options.limit,
      options.windowSeconds,
    );
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('x-ratelimit-limit', String(options.limit));
    if (result.allowed) return true;
    throw new TooManyAttemptsError('request.rate_limited', result.retryAfterSeconds, {
      wait: waitWords(result.retryAfterSeconds),
    });
  }
}
