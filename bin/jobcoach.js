#!/usr/bin/env node
// Entry point of the `jobcoach` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../apps/server/src/cli/main.ts');
