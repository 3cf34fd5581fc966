import { myDayQuerySchema, myDaySchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answersBuiltToSchema } from '../http/serializers.ts';
import { run } from '../http/use-case-route.ts';
import { getMyDay } from './use-cases/get-my-day.ts';

/** « Ma journée »: what a coach should look at today (myday/use-cases/get-my-day.ts). */
export const myDayRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/my-day',
    {
      config: { access: 'session' },
      schema: { tags: ['my-day'], querystring: myDayQuerySchema, response: { 200: myDaySchema } },
      // The day is built field by field by typed code and read by every coach several times a day:
      // written without the response schema's pass outside tests (http/serializers.ts).
      serializerCompiler: answersBuiltToSchema(),
    },
    (request) => run(request, getMyDay, request.query),
  );
};
