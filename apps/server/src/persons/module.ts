import type { FastifyPluginAsync } from 'fastify';
import { absenceRoutes } from '../absences/routes.ts';
import { documentRoutes } from '../documents/routes.ts';
import { myDayRoutes } from '../myday/routes.ts';
import { partnerRoutes } from '../partners/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { teamRoutes } from '../team/routes.ts';
import { testClockRoutes } from '../testclock/routes.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { personRoutes } from './routes.ts';
import { trajectoryRoutes } from './trajectory-routes.ts';

/** Every route of the trajectory capability (docs/api.md, "Trajectory routes"). */
export const trajectoryModule: FastifyPluginAsync = async (app) => {
  await app.register(partnerRoutes);
  await app.register(personRoutes);
  await app.register(assessmentRoutes);
  await app.register(documentRoutes);
  await app.register(trajectoryRoutes);
  await app.register(absenceRoutes);
  await app.register(myDayRoutes);
  await app.register(teamRoutes);
  await app.register(settingsRoutes);
  await app.register(testClockRoutes);
};
