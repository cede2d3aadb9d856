export * from './entities/referral.entity';
export * from './dto/referral.dto';
export * from './referral-report';
export * from './referrals.service';
export * from './referrals.module';
