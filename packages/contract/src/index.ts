/**
 * @jobcoach/contract: the HTTP API's requests and answers, as zod schemas, one module per
 * capability. The server validates and serialises with these schemas and builds its OpenAPI
 * document from them; the web app imports the types derived from them, with `import type` only
 * (no zod in the browser).
 *
 * Types: an answer's type is the `z.output` of its schema (`PersonFile`); a `…Body` or `…Query`
 * type is the `z.input` of a request schema, what a client sends (`CreatePersonBody`); an
 * `…Input` or `…Patch` type is what the server reads once the request is parsed (`PersonInput`).
 */
export * from './absences.ts';
export * from './agenda.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './backups.ts';
export * from './basins.ts';
export * from './common.ts';
export * from './contracts.ts';
export * from './employers.ts';
export * from './fields.ts';
export * from './health.ts';
export * from './hiring-aids.ts';
export * from './history.ts';
export * from './imports.ts';
export * from './mail.ts';
export * from './matching.ts';
export * from './myday.ts';
export * from './organisations.ts';
export * from './partners.ts';
export * from './password-policy.ts';
export * from './persons.ts';
export * from './presentations.ts';
export * from './privacy.ts';
export * from './reports.ts';
export * from './settings.ts';
export * from './setup.ts';
export * from './team.ts';
export * from './testclock.ts';
export * from './users.ts';
export * from './vacancies.ts';
