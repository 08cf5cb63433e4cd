/** One-line reasons for file-system errors, shared by the library and the CLI. */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory; check the path',
  EACCES: 'permission denied; check the file\'s permissions',
  EPERM: 'operation not permitted; check the file\'s permissions',
  EISDIR: 'it is a directory; name a team file, or a glob such as "teams/**/*.yaml"',
  ELOOP: 'too many symbolic links (a link loop?); point it at a real file',
  ENAMETOOLONG: 'the path is too long',
  ENOTDIR: 'a part of the path is not a directory; check the path',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files; check fewer files at once',
  EFBIG: 'the file would be larger than this system allows (a file size limit?)',
  EDQUOT: 'the disk quota is exhausted',
};

export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** What went wrong, in words a user can act on. */
export function fsReason(error: unknown): string {
  const code = errorCode(error);
  return (code && FS_REASONS[code]) ?? (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
}
