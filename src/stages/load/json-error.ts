/**
 * Where JSON goes wrong. Node's JSON.parse messages often give no position, so after a failed parse this
 * small scanner (iterative: deep nesting cannot overflow the stack) finds the first error, its line and
 * column.
 */

export interface JsonErrorPlace { offset: number; line: number; column: number; message: string }

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

export function jsonErrorAt(text: string): JsonErrorPlace | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const err = (message: string, at = i): JsonErrorPlace => place(text, at, message);
  const what = (at: number) => (at >= n ? 'the end of the input' : `'${text[at]}'`);

  while (true) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    const c = text[i];
    if (state === 'after') {
      if (stack.length === 0) return i < n ? err('unexpected data after the JSON value') : null;
      const top = stack[stack.length - 1];
      if (c === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
      } else return err(`expected ',' or '${top === '{' ? '}' : ']'}' but found ${what(i)}`);
      continue;
    }
    if (state === 'value-or-close' && c === ']') {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (state === 'key-or-close' && c === '}') {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (state === 'key' || state === 'key-or-close') {
      if (c !== '"') return err(`expected a property name in double quotes but found ${what(i)}`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return err(end.message, end.at);
      i = end;
      state = 'colon';
      continue;
    }
    if (state === 'colon') {
      if (c !== ':') return err(`expected ':' after a property name but found ${what(i)}`);
      i++;
      state = 'value';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'key-or-close' : 'value-or-close';
      i++;
    } else if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return err(end.message, end.at);
      i = end;
      state = 'after';
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      m.lastIndex = i;
      const hit = m.exec(text);
      if (!hit || hit[0] === '-' || hit[0].length === 0) return err(`invalid number`);
      i += hit[0].length;
      state = 'after';
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
      state = 'after';
    } else if (text.startsWith('false', i)) {
      i += 5;
      state = 'after';
    } else return err(`unexpected ${what(i)}`);
  }
}

function scanString(text: string, start: number): number | { at: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, message: 'bad \\u escape in a string' };
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return { at: i, message: 'bad escape in a string' };
      continue;
    }
    if (c < 0x20) return { at: i, message: c === 0x0a ? 'unterminated string (a line break inside it)' : 'control character inside a string' };
    i++;
  }
  return { at: start, message: 'unterminated string' };
}

function place(text: string, offset: number, message: string): JsonErrorPlace {
  let line = 1;
  let lineStart = 0;
  for (let j = text.indexOf('\n'); j >= 0 && j < offset; j = text.indexOf('\n', j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
