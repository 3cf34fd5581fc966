export { buildApp } from './app.ts';
export { Clock } from './clock.ts';
export { type Config, loadConfig } from './config.ts';
