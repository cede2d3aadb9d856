/**
 * The error codes of the schema's named constraints. A unique or check violation on one of these
 * becomes a 409 with this code (its texts live in the catalogue of the domain that owns it); a
 * violation of a constraint missing here is a bug and stays a 500, so every new named constraint
 * that users can hit belongs in this table.
 */
export const CONSTRAINT_CODES: Readonly<Record<string, string>> = {
  uq_user_email: 'user.email_taken',
  uq_employment_center_name: 'employment_center.name_taken',
  ck_user_officer_center: 'user.officer_needs_center',
  fk_user_employment_center: 'employment_center.not_found',
  fk_master_craft_craft: 'craft.not_found',
  uq_group_code: 'group.code_taken',
  uq_workshop_name: 'workshop.name_taken',
  pk_holidays: 'holiday.exists',
  uq_trainee_iin: 'trainee.iin_taken',
  uq_enrollment_trainee_group_open: 'enrollment.already_enrolled',
  ck_group_capacity_max_8: 'group.capacity_max',
  ck_group_active_within_capacity: 'group.full',
  uq_referral_center_number: 'referral.number_taken',
  uq_referral_person_open: 'referral.person_open',
  uq_certificate_enrollment: 'certificate.exists',
  uq_referral_enrollment: 'referral.enrollment_taken',
};
