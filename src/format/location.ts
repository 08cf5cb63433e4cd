/**
 * File names as CI systems want them: relative to the working directory (the
 * repository root in CI), with forward slashes on every platform.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file relative to `cwd` with `/` separators; as given (slashes normalized) when there is no cwd. */
export function relativePath(file: string, cwd: string | undefined): string {
  if (cwd === undefined) return sep === '\\' ? file.replace(/\\/g, '/') : file;
  const rel = relative(cwd, resolve(cwd, file));
  // On Windows a file on another drive has no relative path.
  if (isAbsolute(rel)) return rel.replace(/\\/g, '/');
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

/**
 * A URI reference for SARIF's artifactLocation: relative and percent-encoded
 * segment by segment, or a file: URL when the file has no relative path.
 */
export function artifactUri(file: string, cwd: string | undefined): string {
  const path = relativePath(file, cwd);
  if (isAbsolute(path) || /^[A-Za-z]:\//.test(path)) return pathToFileURL(path).href;
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}
