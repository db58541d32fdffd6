import { defineMessage } from './message';
import { messagePayloadParser } from './payload-parser';

const branch = (kind: string) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'n'],
    properties: { kind: { const: kind }, n: { type: 'integer' } },
  }) as const;

describe('messagePayloadParser', () => {
  it('names the message and the field of a refused payload', () => {
    const parse = messagePayloadParser(defineMessage('test/one', branch('a'), { type: 'null' }))!;
    expect(parse({ kind: 'a', n: 1 })).toEqual({ ok: true, value: { kind: 'a', n: 1 } });
    expect(parse({ kind: 'a', n: 'x' })).toEqual({ ok: false, error: 'test/one: n: must be a whole number' });
  });

  it('names the kind of a payload of several kinds, or says the kind is missing or unknown', () => {
    const declaration = defineMessage(
      'test/kinds',
      { oneOf: [branch('a'), branch('b')] },
      { type: 'null' },
      {
        tag: 'kind',
        noun: 'test change',
      },
    );
    const parse = messagePayloadParser(declaration)!;
    expect(parse({ kind: 'b', n: 2 })).toEqual({ ok: true, value: { kind: 'b', n: 2 } });
    expect(parse({ kind: 'b', n: -0.5 })).toEqual({ ok: false, error: 'b: n: must be a whole number' });
    expect(parse({ kind: 'c', n: 1 })).toEqual({ ok: false, error: 'unknown test change "c"' });
    expect(parse({ n: 1 })).toEqual({ ok: false, error: 'a test change needs a "kind"' });
    expect(parse(null)).toEqual({ ok: false, error: 'a test change needs a "kind"' });
  });

  it('refuses to make a parser of kinds from a schema whose branches do not all fix the tag', () => {
    const loose = defineMessage(
      'test/loose',
      { oneOf: [branch('a'), { type: 'null' }] },
      { type: 'null' },
      {
        tag: 'kind',
        noun: 'test change',
      },
    );
    expect(() => messagePayloadParser(loose)).toThrow(
      `a test change's schema must be a oneOf whose every branch fixes "kind" with a const`,
    );
  });
});
