// Types for the standalone validator that scripts/build.mjs generates next to this file.
import type { RawTeam } from '../model/team.js';

export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface TeamValidator {
  (data: unknown): data is RawTeam;
  errors?: ValidationError[] | null;
}

export declare const validateTeam: TeamValidator;
