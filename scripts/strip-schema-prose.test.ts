import ts from 'typescript';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack build loads it as CommonJS
const { stripSchemaProse } = require('./strip-schema-prose') as {
  stripSchemaProse: () => ts.TransformerFactory<ts.SourceFile>;
};

const emit = (source: string): string =>
  ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
    transformers: { before: [stripSchemaProse()] },
  }).outputText;

describe('the bundles get schemas without their prose', () => {
  const source = `
    export const schema = {
      description: 'A thing.',
      type: 'object',
      properties: {
        /** Field documentation. */
        name: { description: \`Up to \${80} characters.\`, type: 'string', maxLength: 80 },
        description: { type: 'string' },
      },
      // Why additionalProperties is false.
      additionalProperties: false,
    } as const;
    export const category = { id: 'analytics', label: 'Analytics', description: 'Shown to a person.' };
  `;
  const output = emit(source);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the emitted module's objects
  const run = new Function(`${output.replace(/export /g, '')}; return { schema, category };`) as () => {
    schema: Record<string, unknown>;
    category: Record<string, unknown>;
  };
  const { schema, category } = run();

  it('drops descriptions from schema objects, at every depth, and keeps what the checks read', () => {
    expect(schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string', maxLength: 80 }, description: { type: 'string' } },
      additionalProperties: false,
    });
    expect(output).not.toMatch(/A thing|Up to/);
  });

  it('leaves an object that is no schema as it is (a category shown to a person keeps its description)', () => {
    expect(category).toEqual({ id: 'analytics', label: 'Analytics', description: 'Shown to a person.' });
  });
});
