import { escapeLiteral } from 'pg';
// pg's own conversion of a JavaScript value to the text it sends for a parameter (not in its typings)
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

/**
 * A statement with its parameters written into it as literals, so that it can travel in one
 * simple-protocol message with others (the request's BEGIN and scopes: one round trip). Each
 * `$n` outside quotes, comments and dollar-quoted strings becomes the text pg itself would have
 * sent for that parameter, as a quoted literal: like an untyped parameter, a quoted literal is
 * of unknown type until its context (or a cast) types it, so the statement means the same.
 * Values are escaped by pg's `escapeLiteral`; the text never leaves this process but for the
 * database.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  if (parameters.length === 0) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      // a string or a quoted identifier; a doubled quote stays inside
      end = i + 1;
      for (;;) {
        const q = sql.indexOf(c, end);
        if (q < 0) throw new Error('inlineParameters: unterminated quote');
        if (sql[q + 1] === c) end = q + 2;
        else { end = q + 1; break; }
      }
    } else if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      end = nl < 0 ? sql.length : nl;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new Error('inlineParameters: unterminated comment');
      end = close + 2;
    } else if (c === '$') {
      const param = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
      if (param && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
        const n = Number(param[1]);
        if (n < 1 || n > parameters.length) throw new Error(`inlineParameters: no value for $${n}`);
        out += literal(parameters[n - 1]);
        i += param[0].length;
        continue;
      }
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw new Error('inlineParameters: unterminated dollar quote');
        end = close + tag[0].length;
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}

function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (Buffer.isBuffer(text)) return `'\\x${text.toString('hex')}'`;
  return escapeLiteral(text);
}

/**
 * `EXECUTE name(…)` of a statement prepared with SQL's PREPARE, its values written as literals:
 * like untyped parameters, each takes the type the prepared statement gives its `$n`.
 */
export function executeStatement(name: string, parameters: readonly unknown[]): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`executeStatement: not a statement name: ${name}`);
  return parameters.length ? `EXECUTE ${name}(${parameters.map(literal).join(', ')})` : `EXECUTE ${name}`;
}
