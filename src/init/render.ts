/**
 * Writes a team as the commented YAML file `init` produces. Values go through
 * the yaml package's Document API, which quotes and escapes whatever a person
 * typed; comments hold only our own text, never a value, so nothing typed at a
 * prompt can turn into YAML structure.
 */
import { Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SIZE_BANDS, sizeForEmployees } from '../catalog/index.js';
import type { RawTeam } from '../model/team.js';
import { wrap } from '../util/wrap.js';
import { vacantRoles } from './draft.js';
import { formatCount } from '../util/words.js';

export interface RenderOptions {
  /** Where the modeline points editors for the schema: a relative path or a URL. */
  schema: string;
}

/** A size with its band of employees: "medium: 250–999 employees". */
export function band(size: string): string {
  const b = SIZE_BANDS.find((s) => s.size === size);
  if (!b) return size;
  return `${b.size}: ${formatCount(b.min)}${b.max === null ? ' or more' : `–${formatCount(b.max)}`} employees`;
}

function pairOf(node: Node | null | undefined, key: string): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p): p is Pair<Node, Node> => isScalar(p.key) && p.key.value === key);
}

function comment(node: Node | null | undefined, text: string): void {
  if (node) node.comment = ` ${text}`;
}

function commentBefore(node: Node | null | undefined, lines: readonly string[]): void {
  if (node) node.commentBefore = lines.map((l) => ` ${l}`).join('\n');
}

export function renderTeamFile(team: RawTeam, options: RenderOptions): string {
  const doc = new Document(team);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${options.schema}`,
    ' The security-operations team as code, first written by `secops-team init`.',
    ' Check it after every change with `secops-team check`; `secops-team roles`',
    ' lists the role ids and what each role is responsible for.',
  ].join('\n');

  const root = doc.contents;
  comment(pairOf(root, 'version')?.value, 'the format of this file; always 1');

  const orgPair = pairOf(root, 'organization');
  if (orgPair) {
    const key = orgPair.key;
    key.spaceBefore = true;
    commentBefore(key, ['The organization the team serves. Its size sets which roles are expected', 'and how loud each gap is.']);
    const org = orgPair.value;
    const derived = sizeForEmployees(team.organization.employees);
    comment(
      pairOf(org, 'employees')?.value,
      team.organization.size === undefined ? `size ${band(derived)}, from this count` : `alone, this count would make the size ${derived}`,
    );
    comment(pairOf(org, 'size')?.value, `set by hand (${band(team.organization.size ?? derived)})`);
    comment(pairOf(org, 'soc')?.value, 'who runs the SOC: in-house, outsourced, hybrid or none');
    comment(pairOf(org, 'monitoring')?.value, 'watched: business-hours, extended (12x7) or 24x7');
    comment(pairOf(org, 'seats')?.value, 'analysts on duty at once during those hours');
    comment(pairOf(org, 'response')?.value, 'incidents out of hours: business-hours/24x7-on-call');
  }

  const membersPair = pairOf(root, 'members');
  if (membersPair) {
    const key = membersPair.key;
    key.spaceBefore = true;
    const vacant = vacantRoles(team);
    commentBefore(key, [
      'Who holds which role. One person may hold several roles; `provider` marks',
      'someone external (an MSSP, a virtual CISO), `tier` an analyst\'s level (1-3),',
      '`fte` a part-time share and `reportsTo` the id of the person\'s manager;',
      '`hours` the hours a provider watches, `onCall` a place in the rotation.',
      ...(team.members.length === 0 ? ['Nobody yet: add people as `- { id: dana, name: Dana Reyes, roles: [ciso] }`.'] : []),
      ...(vacant.length > 0 ? wrap(`Nobody holds: ${vacant.join(', ')}.`, 76) : []),
    ]);
    const seq = membersPair.value;
    if (isSeq(seq)) {
      seq.items.forEach((item, index) => {
        if (!isMap(item)) return;
        if (index > 0) item.spaceBefore = true;
        const roles = pairOf(item, 'roles')?.value;
        if (isSeq(roles)) roles.flow = true;
      });
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
