/**
 * Escaping for HTML reports. Text from a team file is untrusted: it is first
 * made visible (control, bidirectional and invisible characters become
 * escapes, as in the terminal) and then every character that means something
 * to HTML becomes an entity. The result is safe in element content, in
 * double- or single-quoted attribute values, and inside inline SVG text.
 */
import { escapeControl } from './text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return escapeControl(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
