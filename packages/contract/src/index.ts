/**
 * @jobcoach/contract: the HTTP API's request and answer shapes, as zod schemas, one module per
 * capability. The server validates and serialises with these schemas (and builds its OpenAPI
 * document from them); the web app imports the types derived from them, with `import type` only.
 */

export * from './absences.ts';
export * from './common.ts';
export * from './contracts.ts';
export * from './employers.ts';
export * from './fields.ts';
export * from './matching.ts';
export * from './myday.ts';
export * from './organisations.ts';
export * from './partners.ts';
export * from './persons.ts';
export * from './presentations.ts';
export * from './settings.ts';
export * from './vacancies.ts';
