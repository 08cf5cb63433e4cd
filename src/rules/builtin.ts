/**
 * The two checks that run before the model exists: reading the YAML and
 * validating it against the schema. They have docs like every rule so that
 * `explain`, SARIF and JUnit can describe them, but no check function.
 */
import type { RuleInfo } from './types.js';
import { sameForAllSizes } from './types.js';

export const yamlSyntax: RuleInfo = {
  id: 'yaml-syntax',
  configurable: false,
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'The file is not readable YAML, or uses YAML features a team file cannot hold.',
    rationale: 'Nothing else can be checked until the file parses; duplicate keys, custom tags and several documents in one file are reported here because they silently change what a file means.',
    authority: [{ authority: 'YAML 1.2', note: 'the YAML specification, as implemented by the yaml package' }],
    fix: 'Correct the YAML at the position shown: indentation with spaces, matching brackets and quotes, unique keys, one document per file.',
    examples: {
      fails: `version: 1
organization:
  name: "Acme
  employees: 120
`,
      passes: `version: 1
organization:
  name: "Acme"
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
`,
    },
  },
};

export const schema: RuleInfo = {
  id: 'schema',
  configurable: false,
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'The file does not match the team file schema (format version 1).',
    rationale: 'The gap analysis reads the organization and its members; a missing field, an unknown property or an unknown role id would make its results wrong.',
    authority: [{ authority: 'secops-team', note: 'schemas/team.schema.json, JSON Schema draft 2020-12' }],
    fix: 'Follow the message: add the missing property, remove or rename the unknown one, or use a value the schema allows (`secops-team roles` lists the role ids).',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manger]
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
`,
    },
  },
};
