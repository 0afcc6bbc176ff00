export * from './people';
export * from './issues';
export * from './links';
