import type { FastifyPluginAsync } from 'fastify';
import { importRoutes } from '../imports/routes.ts';
import { matchingRoutes } from '../matching/routes.ts';
import { presentationRoutes } from '../presentations/routes.ts';
import { vacancyRoutes } from '../vacancies/routes.ts';
import { employerRoutes } from './routes.ts';

/** Every route of docs/api.md "Employers, vacancies, matching and presentations". */
export const employerModule: FastifyPluginAsync = async (app) => {
  await app.register(employerRoutes);
  await app.register(vacancyRoutes);
  await app.register(importRoutes);
  await app.register(matchingRoutes);
  await app.register(presentationRoutes);
};
