// The built command line and server: apps/server/src/cli/main.ts and the TypeScript it imports
// (the workspace packages included) bundled by esbuild into JavaScript, so that a start does not
// compile TypeScript. npm packages stay outside the bundle and load from node_modules.
//
// Each build goes into a directory of its own under apps/server/dist/ and is named by
// apps/server/dist/current.json, written last (an atomic rename), with the size and modification
// time of every file that went into it. The launcher (bin/jobcoach.js) uses a build only while all
// of these are unchanged: a file edited, or checked out, makes the next start build again.
//
// `node bin/build.js` builds now (`npm run build` does it too).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the builds go; JOBCOACH_BUILD_DIR names another directory (the tests use it). */
export const DEFAULT_BUILD_DIR = join(ROOT, 'apps', 'server', 'dist');
const ENTRY = join(ROOT, 'apps', 'server', 'src', 'cli', 'main.ts');
/** Builds kept besides the current one: a server still running may load a chunk of its own later. */
const KEPT_BUILDS = 3;
/** Changes the build's format: a build made by another version of this file is never used. */
const FORMAT = 1;

/** Files that shape the build without being bundled: this script, and how packages resolve. */
function configurationFiles(root) {
  const files = [fileURLToPath(import.meta.url), join(root, 'package.json'), join(root, 'package-lock.json')];
  for (const workspace of JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [])
    files.push(join(root, workspace, 'package.json'));
  return files;
}

/** The TypeScript sources of the server and of the workspace packages. */
function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.(ts|json)$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(root, 'apps', 'server', 'src'));
  walk(join(root, 'packages'));
  return files;
}

function stamp(path) {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

/**
 * The current build's entry file, when every file it was made from is as it was then; otherwise
 * null. Costs one stat per source file (a few milliseconds).
 */
export function freshBuild(buildDir = DEFAULT_BUILD_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(buildDir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.format !== FORMAT || manifest.root !== ROOT) return null;
  for (const [file, expected] of Object.entries(manifest.inputs)) {
    const actual = stamp(join(ROOT, file));
    if (!actual || actual[0] !== expected[0] || actual[1] !== expected[1]) return null;
  }
  const entry = join(buildDir, manifest.dir, 'main.js');
  return existsSync(entry) ? entry : null;
}

/** A URL path from one directory to a file, for an import in the built code. */
function relativeUrl(fromDir, file) {
  const path = relative(fromDir, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * Modules that find files next to them (the migrations, the web build, the documentation) do so
 * from import.meta: in the built code it would name the build's directory. Each use is replaced by
 * the module's own source location, reached relatively from the build's directory, so that the
 * built code reads the same files as the sources do, wherever the repository lies.
 */
function sourceLocationPlugin(outDir) {
  return {
    name: 'source-location',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!/import\.meta\.(url|dirname|filename)/.test(source)) return undefined;
        const file = JSON.stringify(relativeUrl(outDir, args.path));
        const dir = JSON.stringify(`${relativeUrl(outDir, dirname(args.path))}/`);
        const contents =
          "import { fileURLToPath as __sourcePath } from 'node:url';\n" +
          source
            .replace(/import\.meta\.url/g, `new URL(${file}, import.meta.url).href`)
            .replace(/import\.meta\.filename/g, `__sourcePath(new URL(${file}, import.meta.url))`)
            .replace(/import\.meta\.dirname/g, `__sourcePath(new URL(${dir}, import.meta.url)).slice(0, -1)`);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * The workspace packages (@jobcoach/*) are TypeScript: bundled. Every other package stays an
 * import, resolved at run time by Node. A package that resolves from the build's directory to
 * another copy than from the module importing it (a version nested in a workspace's own
 * node_modules) is imported by its path, so that each module gets the copy it gets from the sources.
 */
function externalPackagesPlugin(outDir) {
  return {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.probe) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith('@jobcoach/')) return undefined;
        const options = { kind: args.kind, pluginData: { probe: true } };
        const fromImporter = await build.resolve(args.path, { ...options, resolveDir: args.resolveDir });
        if (fromImporter.errors.length > 0) return { errors: fromImporter.errors };
        const fromBuild = await build.resolve(args.path, { ...options, resolveDir: outDir });
        if (fromBuild.errors.length === 0 && fromBuild.path === fromImporter.path)
          return { path: args.path, external: true };
        return { path: relativeUrl(outDir, fromImporter.path), external: true };
      });
    },
  };
}

/** Removes the builds older than the last few (never the current one, nor one being written). */
function prune(buildDir, current) {
  const builds = readdirSync(buildDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('build-') && e.name !== current)
    .map((e) => ({ name: e.name, mtime: statSync(join(buildDir, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEPT_BUILDS))
    rmSync(join(buildDir, old.name), { recursive: true, force: true });
}

/** Builds now; returns the entry file of the new build. */
export async function build(buildDir = DEFAULT_BUILD_DIR) {
  const esbuild = await import('esbuild');
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const outDir = join(buildDir, name);
  mkdirSync(outDir, { recursive: true });
  // Stamped before building: a file changed meanwhile makes the build stale, never wrongly fresh.
  const before = new Map();
  for (const file of [...configurationFiles(ROOT), ...sourceFiles(ROOT)]) before.set(file, stamp(file));
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: ENTRY },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Resolve as Node does: no `module` condition or field.
    conditions: [],
    mainFields: ['main'],
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceLocationPlugin(outDir), externalPackagesPlugin(outDir)],
  });
  const inputs = {};
  for (const file of configurationFiles(ROOT)) inputs[relative(ROOT, file)] = before.get(file);
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(ROOT, input);
    inputs[relative(ROOT, file)] = before.has(file) ? before.get(file) : stamp(file);
  }
  for (const [file, value] of Object.entries(inputs)) if (!value) delete inputs[file];
  const manifest = { format: FORMAT, root: ROOT, dir: name, inputs };
  const temporary = join(buildDir, `current.json.${process.pid}`);
  writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
  renameSync(temporary, join(buildDir, 'current.json'));
  prune(buildDir, name);
  return join(outDir, 'main.js');
}

/**
 * The entry file to run: the current build when fresh, else a new one; null when building fails
 * (the caller runs the sources), or with JOBCOACH_SOURCES=1.
 */
export async function ensureBuild(buildDir = process.env.JOBCOACH_BUILD_DIR || DEFAULT_BUILD_DIR) {
  if (process.env.JOBCOACH_SOURCES === '1') return null;
  const fresh = freshBuild(buildDir);
  if (fresh) return fresh;
  try {
    return await build(buildDir);
  } catch (error) {
    // Errors in the code (esbuild lists them) are reported again by the sources' run; anything
    // else (a read-only checkout, esbuild missing) is said.
    if (!Array.isArray(error?.errors))
      console.error(`Building the command line failed (${error?.message ?? error}): running the sources.`);
    return null;
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const started = performance.now();
  const entry = await build(process.env.JOBCOACH_BUILD_DIR || DEFAULT_BUILD_DIR);
  console.log(`Built ${relative(process.cwd(), entry)} in ${Math.round(performance.now() - started)} ms`);
}
