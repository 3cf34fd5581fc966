/**
 * @jobcoach/contract: the HTTP API's request and answer shapes, as zod schemas, one module per
 * capability. The server validates and serialises with these schemas (and builds its OpenAPI
 * document from them); the web app imports the types derived from them, with `import type` only.
 */
export * from './common.ts';
export * from './fields.ts';
