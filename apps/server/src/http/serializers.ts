import { isDeepStrictEqual } from 'node:util';
import { $ZodType, safeEncode } from 'zod/v4/core';

/** What fastify gives a route's serializer compiler: the schema of one status's answer. */
interface AnswerSchema {
  schema: unknown;
  method: string;
  url: string;
}

/**
 * The serializer of a route whose answer is large and built field by field by typed code (the
 * matching lists, « Ma journée »): outside tests the answer is written as it is, without passing it
 * through the response schema, which for a list of 50 offers with their reasons costs about 3 ms of
 * CPU per answer, a fifth of the route's (docs/performance.md, fifteenth round). Under tests
 * (NODE_ENV=test) every answer is checked against the schema more strictly than the schema's own
 * pass would: it must come out of the schema unchanged, so a field the schema does not name (which
 * the pass would have dropped silently), a wrong value or a missing field fails the request.
 */
export function answersBuiltToSchema(checked = process.env.NODE_ENV === 'test') {
  return (route: AnswerSchema): ((data: unknown) => string) => {
    if (!checked) return (data) => JSON.stringify(data);
    const schema = route.schema;
    if (!(schema instanceof $ZodType)) throw new Error(`${route.method} ${route.url}: not a zod schema`);
    return (data) => {
      const result = safeEncode(schema, data);
      if (!result.success) {
        throw new Error(`${route.method} ${route.url}: the answer does not match its schema`, {
          cause: result.error,
        });
      }
      if (!isDeepStrictEqual(result.data, data)) {
        throw new Error(
          `${route.method} ${route.url}: the answer is not exactly its schema's (a field it does not name?)`,
        );
      }
      return JSON.stringify(data);
    };
  };
}
