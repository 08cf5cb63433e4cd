/** The package's own name, version and home, read once from package.json. */
import { readFileSync } from 'node:fs';

function field(pkg: unknown, name: string): string | undefined {
  if (pkg === null || typeof pkg !== 'object') return undefined;
  const value: unknown = Reflect.get(pkg, name);
  return typeof value === 'string' ? value : undefined;
}

const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const homepage = field(pkg, 'homepage') ?? 'https://github.com/secops-team/secops-team#readme';

export const PACKAGE = {
  name: field(pkg, 'name') ?? 'secops-team',
  version: field(pkg, 'version') ?? '0.0.0',
  /** The project's page, without the `#readme` fragment. */
  home: homepage.replace(/#.*$/, ''),
};

/** The index of the rules' pages, for a rule the registry does not know. */
export const RULES_DOCS_URI = `${PACKAGE.home}/blob/main/docs/rules/README.md`;

/** The canonical address of a rule's page in the repository: SARIF's `helpUri`, and where `explain` sends readers. */
export function rulePageUri(id: string): string {
  return `${PACKAGE.home}/blob/main/docs/rules/${id}.md`;
}
