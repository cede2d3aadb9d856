import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@sheber/common';
import type { AuthenticatedRequest } from './auth.guard';

/** The signed-in user as the services see them, with the request id for the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const user = request.user;
  if (!user) throw new Error('CurrentActor used on a route without a signed-in user');
  return {
    id: user.id,
    role: user.role,
    employmentCenterId: user.employmentCenterId,
    requestId: String(request.id),
  };
});
