/** Table layout for terminal output; cli-table3 is loaded only by the commands that draw tables. */
export const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
