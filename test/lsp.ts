/**
 * A minimal Language Server Protocol client over a child's stdio: JSON-RPC
 * messages framed by a `Content-Length` header, as editors speak it. Enough
 * for a test to open documents, ask for completion and hover, and collect
 * the diagnostics the server publishes; every request the server makes of the
 * client is answered (`workspace/configuration` with the given settings, any
 * other with null).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
}
export interface CompletionItem {
  label: string;
  insertText?: string;
  documentation?: string | { kind: string; value: string };
}
export interface Hover {
  contents: { kind: string; value: string } | string | unknown[];
  range?: Range;
}

/** How long to wait for an answer or a publication before giving up: a hang guard, far above what the server needs. */
const HANG_GUARD = 20_000;

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }[]>();
  private readonly waiters: (() => void)[] = [];
  private exited: Promise<void>;
  stderr = '';
  /** How many times the server asked for its settings. */
  configurationRequests = 0;
  private readonly configurationWaiters: (() => void)[] = [];

  /**
   * `sections` answers the server's `workspace/configuration` requests by
   * section name (`yaml`, `http`, …); a section not given is null.
   */
  constructor(command: string, args: readonly string[], private readonly sections: Record<string, unknown>, options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => void (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('close', () => resolve()));
    this.child.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the server exited before answering${this.stderr ? `: ${this.stderr}` : ''}`));
      this.pending.clear();
    });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!Number.isInteger(length)) throw new Error(`a message without Content-Length: ${this.buffer.subarray(0, headerEnd).toString('utf8')}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request of the server's.
      if (message.method === 'workspace/configuration') {
        this.configurationRequests++;
        const items = (message.params as { items: { section?: string }[] }).items;
        this.send({ id: message.id, result: items.map((item) => this.sections[item.section ?? ''] ?? null) });
        for (const wake of this.configurationWaiters.splice(0)) wake();
      } else {
        this.send({ id: message.id, result: null });
      }
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, version, diagnostics } = message.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      const list = this.diagnostics.get(uri) ?? [];
      list.push({ version, diagnostics });
      this.diagnostics.set(uri, list);
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(Number(message.id));
      if (!waiting) return;
      this.pending.delete(Number(message.id));
      if (message.error) waiting.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  }

  /** A request; rejected when the server has not answered within `guard` ms (a hang guard, not a timing). */
  request<T>(method: string, params: unknown, guard = HANG_GUARD): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${guard} ms${this.stderr ? `; the server wrote: ${this.stderr}` : ''}`));
      }, guard);
      const settle = <A>(done: (a: A) => void) => (a: A) => {
        clearTimeout(timer);
        done(a);
      };
      this.pending.set(id, { resolve: settle(resolve as (value: unknown) => void), reject: settle(reject) });
      this.send({ id, method, params });
    });
  }

  /** Resolves once the server has asked for its settings and been answered (rejected after `guard` ms). */
  configured(guard = HANG_GUARD): Promise<void> {
    if (this.configurationRequests > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not ask for its settings within ${guard} ms`)), guard);
      this.configurationWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.request<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async hover(uri: string, position: Position): Promise<string> {
    const result = await this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    if (result === null) return '';
    const { contents } = result;
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value)).join('\n');
    return contents.value;
  }

  /**
   * The diagnostics the server publishes for a document after `after` earlier
   * publications of it: the server may publish more than once (an empty list
   * first while the schema loads), so callers pass how many they have seen.
   */
  async diagnosticsOf(uri: string, after = 0, guard = HANG_GUARD): Promise<Diagnostic[]> {
    const deadline = Date.now() + guard;
    for (;;) {
      const list = this.diagnostics.get(uri) ?? [];
      if (list.length > after) return list[after]!.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics published for ${uri} within ${guard} ms${this.stderr ? `; the server wrote: ${this.stderr}` : ''}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every publication for a document so far. */
  publications(uri: string): Diagnostic[][] {
    return (this.diagnostics.get(uri) ?? []).map((p) => p.diagnostics);
  }

  /**
   * `shutdown` then `exit`, as an editor closes a server; killed when it does
   * not exit within `timeout` ms. Resolves to how it ended.
   */
  async stop(timeout = 5000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeout);
      try {
        await Promise.race([this.request('shutdown', null, timeout), this.exited]);
        this.notify('exit', null);
        this.child.stdin.end();
      } catch {
        this.child.kill('SIGKILL');
      }
      await this.exited;
      clearTimeout(timer);
    }
    return { code: this.child.exitCode, signal: this.child.signalCode };
  }
}
