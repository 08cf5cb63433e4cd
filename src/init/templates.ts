/**
 * The starter teams shipped in `templates/`, one per organization size. They
 * are read through the same pipeline as any team file, so a broken template
 * is caught here rather than written into a user's folder.
 */
import { readFileSync } from 'node:fs';
import { SIZES, type Size } from '../catalog/index.js';
import { loadText } from '../load/load.js';
import type { RawTeam } from '../model/team.js';
import { validate } from '../validate/validate.js';

export const TEMPLATE_NAMES: readonly Size[] = SIZES;

export function isTemplateName(name: string): name is Size {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function readTemplate(name: Size): RawTeam {
  const url = new URL(`../../templates/${name}.yaml`, import.meta.url);
  const loaded = loadText(readFileSync(url, 'utf8'));
  const validation = loaded.ok ? validate(loaded.data, loaded.locator) : undefined;
  if (!validation?.valid) {
    const first = validation ? validation.findings[0] : loaded.findings[0];
    throw new Error(`the ${name} template is not a valid team file (${first?.message ?? 'unreadable'})`);
  }
  return validation.team;
}
