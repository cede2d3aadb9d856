export * from './roles.decorator';
export * from './current-actor.decorator';
export * from './auth.guard';
export * from './auth.service';
export * from './auth.module';
export * from './login-attempts.service';
export * from './dto/login.dto';
export * from './rate-limit.guard';
