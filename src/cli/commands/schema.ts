import { renderTeamSchema } from '../../schema/build.js';
import type { Io } from '../io.js';

export function runSchema(io: Io): number {
  io.stdout.write(renderTeamSchema());
  return 0;
}
