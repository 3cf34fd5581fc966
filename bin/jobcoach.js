#!/usr/bin/env node
// Entry point of the `jobcoach` command. It runs the built command line (bin/build.js) when the
// build is up to date with the sources, and builds it first otherwise (the first start after an
// install, or after a source file changed). Should the build fail, or with JOBCOACH_SOURCES=1, it
// runs the TypeScript sources through tsx instead.
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './build.js';

const entry = await ensureBuild();
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../apps/server/src/cli/main.ts');
}
