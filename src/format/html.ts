/**
 * Escaping for HTML reports: escapeXml of ./escape.ts, under the name the
 * report's modules use.
 */
export { escapeXml as escapeHtml } from './escape.js';
