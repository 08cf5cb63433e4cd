import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResponsibility, NICE_WORK_ROLES, SPECIALIST_IDS, SPECIALISTS } from '../../src/catalog/index.js';
import { checkTeam } from '../../src/lint.js';
import { ROOT, teamYaml } from '../helpers.js';

const fixture = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'nice', 'work-roles.json'), 'utf8')) as { source: { version: string }; workRoles: { id: string; name: string }[] };

describe('NICE Framework v2.0.0 work roles', () => {
  it('are the 41 of NIST\'s components file, ids and names', () => {
    expect(fixture.source.version).toBe('2.0.0');
    expect(NICE_WORK_ROLES).toHaveLength(41);
    expect(NICE_WORK_ROLES.map((r) => ({ id: r.id, name: r.name }))).toEqual(fixture.workRoles);
  });
});

describe('specialist roles', () => {
  it('have the public ids, in order', () => {
    expect(SPECIALISTS.map((s) => s.id)).toEqual([...SPECIALIST_IDS]);
    expect(SPECIALIST_IDS).toEqual([
      'threat-hunter', 'threat-intelligence-analyst', 'incident-responder', 'detection-engineer', 'vulnerability-analyst', 'penetration-tester',
      'grc-analyst', 'application-security-engineer', 'cloud-security-engineer', 'ot-security-engineer', 'iam-engineer', 'privacy-officer',
    ]);
  });

  it('map only to real NICE work roles with their names, and list real duties', () => {
    const nice = new Map(fixture.workRoles.map((r) => [r.id, r.name]));
    for (const s of SPECIALISTS) {
      for (const n of s.nice) expect(nice.get(n.id), `${s.id} ${n.id}`).toBe(n.name);
      expect(s.duties.length, s.id).toBeGreaterThan(0);
      for (const d of s.duties) expect(findResponsibility(d), `${s.id} ${d}`).toBeDefined();
      expect(s.summary.length).toBeGreaterThan(40);
      expect(s.aliases.length).toBeGreaterThan(0);
    }
  });

  it('follow NICE where it has a role, and say so where it has none', () => {
    const byId = new Map<string, (typeof SPECIALISTS)[number]>(SPECIALISTS.map((s) => [s.id, s]));
    for (const id of ['threat-hunter', 'detection-engineer', 'cloud-security-engineer', 'iam-engineer']) {
      expect(byId.get(id)?.nice, id).toEqual([]);
      expect(byId.get(id)?.niceNote, id).toMatch(/has no work role/);
    }
    expect(byId.get('penetration-tester')?.nice.map((n) => n.id)).toEqual(['PD-WRL-007']);
    expect(byId.get('privacy-officer')?.nice.map((n) => n.id)).toEqual(['OG-WRL-008']);
    expect(byId.get('ot-security-engineer')?.nice.map((n) => n.id)).toEqual(['DD-WRL-009']);
    expect(byId.get('penetration-tester')?.ecsf).toEqual(['Penetration Tester']);
    expect(byId.get('threat-intelligence-analyst')?.ecsf).toEqual(['Cyber Threat Intelligence Specialist']);
  });

  it('are never missing by size: an enterprise team without any has no finding naming one', () => {
    const result = checkTeam(teamYaml({ employees: 50000 }, ['{id: c, name: C, roles: [ciso]}', '{id: a, name: A, roles: [security-analyst]}']));
    const named = result.findings.filter((f) => (SPECIALIST_IDS as readonly string[]).includes(f.role ?? '') || SPECIALIST_IDS.some((id) => f.message.includes(id)));
    expect(named).toEqual([]);
  });

  it('credit their holders with their duties, covered rather than absorbed', () => {
    const members = ['{id: m, name: M, roles: [security-manager]}', '{id: g, name: G, roles: [grc-analyst]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}'];
    const result = checkTeam(teamYaml({ employees: 500 }, members));
    expect(result.coverage.find((e) => e.responsibility === 'ciso.compliance')).toMatchObject({ status: 'covered', members: ['g'], via: null });
    expect(result.coverage.find((e) => e.responsibility === 'ciso.strategy')).toMatchObject({ status: 'absorbed', members: ['m'] });
  });
});
