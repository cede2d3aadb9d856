import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Says when the API has closed, so an operator can tell a clean stop from a crash. */
@Injectable()
export class ApiLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Api');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`API stopped${signal ? ` on ${signal}` : ''}`);
  }
}
