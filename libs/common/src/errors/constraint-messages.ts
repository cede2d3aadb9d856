/**
 * Human messages for the named constraints of the schema. A unique or check violation on one of
 * these becomes a 409 with this message; a violation of a constraint missing here is a bug and
 * stays a 500, so every new named constraint that users can hit belongs in this table.
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, string>> = {
  uq_user_email: 'A user with this email already exists',
  uq_employment_center_name: 'An employment centre with this name already exists',
  ck_user_officer_center: 'An officer must belong to an employment centre',
  fk_user_employment_center: 'The employment centre does not exist',
  fk_master_craft_craft: 'The craft does not exist',
  uq_group_code: 'A group with this code already exists',
  pk_holidays: 'This date is already a holiday',
  uq_trainee_iin: 'A trainee with this IIN is already registered',
  uq_enrollment_trainee_group_open: 'The trainee is already active or waitlisted in this group',
  ck_group_capacity_max_8: 'A group holds at most 8 trainees',
  ck_group_active_within_capacity: 'The group is full',
  uq_referral_center_number: 'This employment centre already has a referral with this number',
  uq_referral_person_open: 'This person already has an open referral',
  uq_certificate_enrollment: 'The enrollment already has a certificate that is not revoked',
  uq_referral_enrollment: 'The enrollment already belongs to another referral',
};
