import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answersBuiltToSchema } from '../src/http/serializers.ts';

const schema = z.array(z.object({ id: z.string(), score: z.number(), note: z.string().nullable() }));
const route = { schema, method: 'GET', url: '/api/things' };

describe('answers built to their schema', () => {
  it('under tests, checks every answer: exactly the schema’s, or the request fails', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const write = answersBuiltToSchema()(route);
    const exact = [{ id: 'a', score: 3, note: null }];
    expect(JSON.parse(write(exact))).toEqual(exact);
    // A field the schema does not name would have been dropped silently by the schema's pass.
    expect(() => write([{ id: 'a', score: 3, note: null, niss: '85073003328' }])).toThrow(/not exactly/);
    expect(() => write([{ id: 'a', score: Number.NaN, note: null }])).toThrow();
    expect(() => write([{ id: 'a', score: 3 }])).toThrow();
  });

  it('elsewhere, writes the answer as it is', () => {
    const write = answersBuiltToSchema(false)(route);
    const answer = [{ id: 'a', score: 3, note: 'x' }];
    expect(write(answer)).toBe(JSON.stringify(answer));
  });
});
