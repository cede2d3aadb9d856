export * from './enrollment-closing.service';
export * from './group-life-cycle.service';
export * from './training.module';
