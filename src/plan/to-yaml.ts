/**
 * `plan --write`: the team file with the plan's hires appended as open
 * positions (`vacancy: true`). Edits the parsed document (the yaml package's
 * Document API), so the file's comments, order and style stay as written.
 */
import { isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Plan } from './plan.js';

export class PlanWriteError extends Error {}

export function withOpenPositions(text: string, plan: Plan): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new PlanWriteError('the team file does not parse as YAML');
  const members = doc.get('members', true);
  if (!isSeq(members)) throw new PlanWriteError('the team file has no members list to add to');
  plan.steps.forEach((step, i) => {
    step.add.forEach((member, n) => {
      const node = doc.createNode({ ...member, vacancy: true }) as YAMLMap;
      if (n === 0) node.commentBefore = ` plan step ${i + 1}: ${step.summary.replace(/[\r\n]+/g, ' ')}`;
      members.items.push(node);
    });
  });
  return doc.toString();
}
