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
    export const button = { type: 'button', title: 'Pause on this tab', pattern: 'outline' };
    export function settingsFileSchema() {
      return { title: 'Settings file', oneOf: [{ description: 'Version 3.', const: 3 }] };
    }
  `;
  const output = emit(source);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the emitted module's objects
  const run = new Function(
    `${output.replace(/export /g, '')}; return { schema, category, button, fileSchema: settingsFileSchema() };`,
  ) as () => {
    schema: Record<string, unknown>;
    category: Record<string, unknown>;
    button: Record<string, unknown>;
    fileSchema: Record<string, unknown>;
  };
  const { schema, category, button, fileSchema } = run();

  it('drops descriptions from schema objects, at every depth, and keeps what the checks read', () => {
    expect(schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string', maxLength: 80 }, description: { type: 'string' } },
      additionalProperties: false,
    });
    expect(output).not.toMatch(/A thing|Up to/);
  });

  it('drops them in what a function named as a schema returns', () => {
    expect(fileSchema).toEqual({ oneOf: [{ const: 3 }] });
  });

  it('leaves an object that is no schema as it is (a category shown to a person keeps its description)', () => {
    expect(category).toEqual({ id: 'analytics', label: 'Analytics', description: 'Shown to a person.' });
  });

  it('keeps a UI title beside keys a schema also has: only a declaration named as a schema is one', () => {
    expect(button).toEqual({ type: 'button', title: 'Pause on this tab', pattern: 'outline' });
  });
});
