export * from './referrals.errors';
export * from './entities/referral.entity';
export * from './referral-status';
export * from './dto/referral.dto';
export * from './referral-report';
export type { ReferralRow } from './referral-view.queries';
export * from './referrals.repository';
export * from './referrals.service';
export * from './referrals.module';
