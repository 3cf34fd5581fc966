export * from './contracts.ts';
export * from './follow-up.ts';
