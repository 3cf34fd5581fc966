import {
  basinDecisionSchema,
  basinOfferListSchema,
  basinRequestAnswerSchema,
  basinRequestInputSchema,
  idParams,
  incomingBasinRequestListSchema,
  incomingBasinRequestSchema,
  personMatchesQuerySchema,
  personMatchListSchema,
  vacancyMatchesQuerySchema,
  vacancyMatchListSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answersBuiltToSchema } from '../http/serializers.ts';
import { run } from '../http/use-case-route.ts';
import {
  askBasinPresentation,
  basinOffersForPerson,
  decideBasinRequest,
  incomingBasinRequests,
} from './use-cases/basin.ts';
import { matchPersonsToVacancy, matchVacanciesToPerson } from './use-cases/matches.ts';

// The ranked lists are the largest answers of the hot paths, built field by field: written without
// the response schema's pass outside tests (http/serializers.ts).
const listedAnswers = answersBuiltToSchema();

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
      serializerCompiler: listedAnswers,
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
      serializerCompiler: listedAnswers,
    },
    (request) => run(request, matchVacanciesToPerson, { ...request.query, personId: request.params.id }),
  );

  app.get(
    '/api/persons/:id/basin-offers',
    {
      config: { access: 'session' },
      schema: { tags: ['matching'], params: idParams, response: { 200: basinOfferListSchema } },
      serializerCompiler: listedAnswers,
    },
    (request) => run(request, basinOffersForPerson, { personId: request.params.id }),
  );

  app.post(
    '/api/basin-requests',
    {
      config: { access: 'session', audit: askBasinPresentation.audit },
      schema: {
        tags: ['matching'],
        body: basinRequestInputSchema,
        response: { 201: basinRequestAnswerSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await run(request, askBasinPresentation, request.body)),
  );

  app.get(
    '/api/vacancies/:id/basin-requests',
    {
      config: { access: 'session' },
      schema: { tags: ['matching'], params: idParams, response: { 200: incomingBasinRequestListSchema } },
    },
    (request) => run(request, incomingBasinRequests, { vacancyId: request.params.id }),
  );

  app.post(
    '/api/basin-requests/:id/decision',
    {
      config: { access: 'session', audit: decideBasinRequest.audit },
      schema: {
        tags: ['matching'],
        params: idParams,
        body: basinDecisionSchema,
        response: { 200: incomingBasinRequestSchema },
      },
    },
    (request) => run(request, decideBasinRequest, { ...request.body, requestId: request.params.id }),
  );
};
