/**
 * A small reader for XML property lists (the subset configuration profiles use: dict, array, string, integer, real,
 * true, false), so tests can check the policy inside docs/examples/policy/*.mobileconfig.
 */

type Token =
  | { kind: 'open' | 'close'; tag: string }
  | { kind: 'empty'; tag: string }
  | { kind: 'text'; tag: string; text: string };

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function tokens(xml: string): Token[] {
  const body = xml
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const found: Token[] = [];
  const pattern =
    /<(key|string|integer|real|date|data)>([\s\S]*?)<\/\1>|<(true|false|dict|array)\/>|<(\/?)(plist|dict|array)(?:\s[^>]*)?>/g;
  for (const match of body.matchAll(pattern)) {
    if (match[1] !== undefined)
      found.push({ kind: 'text', tag: match[1], text: (match[2] ?? '').replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? e) });
    else if (match[3] !== undefined) found.push({ kind: 'empty', tag: match[3] });
    else if (match[5] !== undefined) found.push({ kind: match[4] === '/' ? 'close' : 'open', tag: match[5] });
  }
  return found;
}

/** The value of the plist's root element. */
export function parsePlist(xml: string): unknown {
  const list = tokens(xml);
  let i = 0;
  const next = (): Token => {
    const token = list[i++];
    if (token === undefined) throw new Error('plist ends early');
    return token;
  };
  const value = (token: Token): unknown => {
    if (token.kind === 'text') {
      if (token.tag === 'string' || token.tag === 'date' || token.tag === 'data') return token.text;
      if (token.tag === 'integer' || token.tag === 'real') return Number(token.text);
      throw new Error(`unexpected <${token.tag}>`);
    }
    if (token.kind === 'empty')
      return token.tag === 'true' ? true : token.tag === 'false' ? false : token.tag === 'dict' ? {} : [];
    if (token.kind === 'open' && token.tag === 'array') {
      const items: unknown[] = [];
      for (let t = next(); !(t.kind === 'close' && t.tag === 'array'); t = next()) items.push(value(t));
      return items;
    }
    if (token.kind === 'open' && token.tag === 'dict') {
      const dict: Record<string, unknown> = {};
      for (let t = next(); !(t.kind === 'close' && t.tag === 'dict'); t = next()) {
        if (t.kind !== 'text' || t.tag !== 'key') throw new Error('a dict entry must start with <key>');
        dict[t.text] = value(next());
      }
      return dict;
    }
    throw new Error(`unexpected ${token.kind} <${token.tag}>`);
  };
  const root = next();
  if (root.kind !== 'open' || root.tag !== 'plist') throw new Error('not a plist');
  return value(next());
}
