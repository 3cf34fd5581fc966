import {
  idParams,
  personMatchesQuerySchema,
  personMatchListSchema,
  vacancyMatchesQuerySchema,
  vacancyMatchListSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { matchPersonsToVacancy, matchVacanciesToPerson } from './use-cases/matches.ts';

/** Matching lists (matching/use-cases/matches.ts): ranked by the domain, each read audited. */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/vacancies/:id/matches',
    {
      config: { access: 'session' },
      schema: {
        tags: ['matching'],
        params: idParams,
        querystring: vacancyMatchesQuerySchema,
        response: { 200: personMatchListSchema },
      },
    },
    (request) => run(request, matchPersonsToVacancy, { ...request.query, vacancyId: request.params.id }),
  );

  app.get(
    '/api/persons/:id/matches',
    {
      config: { access: 'session' },
      schema: {
        tags: ['matching'],
        params: idParams,
        querystring: personMatchesQuerySchema,
        response: { 200: vacancyMatchListSchema },
      },
    },
    (request) => run(request, matchVacanciesToPerson, { ...request.query, personId: request.params.id }),
  );
};
