/**
 * `plan --write`: the team file with the plan's hires appended as open
 * positions (`vacancy: true`). The yaml package's Document API finds where
 * the members list ends; the new entries are inserted there as text, so every
 * byte of the original (comments, order, spacing, quoting) stays as written.
 * A members list in flow style (`members: [...]`) is rewritten through the
 * document instead, which keeps its comments and order but not its spacing.
 */
import { Document, isSeq, parseDocument } from 'yaml';
import type { RawMember } from '../model/team.js';
import type { Plan } from './plan.js';

export class PlanWriteError extends Error {}

interface Entry {
  comment?: string;
  member: RawMember & { vacancy: true };
}

function entries(plan: Plan): Entry[] {
  const list: Entry[] = [];
  plan.steps.forEach((step, i) => {
    step.add.forEach((member, n) => {
      list.push({ ...(n === 0 ? { comment: `plan step ${i + 1}: ${step.summary.replace(/[\r\n]+/g, ' ')}` } : {}), member: { ...member, vacancy: true } });
    });
  });
  return list;
}

export function withOpenPositions(text: string, plan: Plan): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new PlanWriteError('the team file does not parse as YAML');
  const members = doc.get('members', true);
  if (!isSeq(members)) throw new PlanWriteError('the team file has no members list to add to');
  const added = entries(plan);
  if (added.length === 0) return text;
  const range = members.range;
  if (members.flow || members.items.length === 0 || !range) {
    for (const entry of added) {
      const node = doc.createNode(entry.member);
      if (entry.comment) node.commentBefore = ` ${entry.comment}`;
      members.items.push(node);
    }
    return doc.toString();
  }
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const indent = ' '.repeat(range[0] - lineStart);
  const lines: string[] = [];
  for (const entry of added) {
    if (entry.comment) lines.push(`# ${entry.comment}`);
    const item = new Document([entry.member]).toString({ lineWidth: 0 }).trimEnd();
    for (const line of item.split('\n')) lines.push(line);
  }
  const block = lines.map((l) => indent + l).join('\n') + '\n';
  const at = range[1];
  const before = text.slice(0, at);
  return (before.endsWith('\n') ? before : `${before}\n`) + block + text.slice(at);
}
