export * from './errors/domain-errors';
export * from './errors/constraint-messages';
export * from './roles';
export * from './pagination.dto';
export * from './logging/logger-options';
export * from './validation/field-errors';
export * from './validation/dates';
export * from './validation/transforms';
