export * from './people';
export * from './issues';
export * from './links';
export * from './jobs';
export * from './meetings';
export * from './outbox';
export * from './cases';
export * from './counters';
