export * from './phases.ts';
export * from './replay.ts';
