// Build step (webpack, through ts-loader): the JSON schemas declared in TypeScript carry `description`s and `title`s
// that document the source and schemas/*.json; the bundles only check values against them, so they are emitted
// without that prose. A schema is known by its declaration's name, not by its keys: only inside a variable or
// function whose name ends in "Schema" or "Schemas" (any case: `policyStatusSchema`, `SETTINGS_FIELD_SCHEMAS`) is a
// text-valued `description` or `title` dropped, at any depth. Every other object keeps its text, whatever keys it
// has: a catalog category's description, a button's title.
const ts = require('typescript');

const SCHEMA_NAME = /schemas?$/i;
const PROSE = new Set(['description', 'title']);

const nameOf = (property) =>
  property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
    ? property.name.text
    : undefined;

/** A variable or function declared under a schema's name (`const fooSchema = ...`, `function barSchema() {...}`). */
const isSchemaDeclaration = (node) =>
  (ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) &&
  node.name !== undefined &&
  ts.isIdentifier(node.name) &&
  SCHEMA_NAME.test(node.name.text);

/** A `description` or `title` given as text (a member of a `properties` map that is named so holds an object). */
const isProse = (property) =>
  ts.isPropertyAssignment(property) &&
  PROSE.has(nameOf(property)) &&
  (ts.isStringLiteral(property.initializer) ||
    ts.isNoSubstitutionTemplateLiteral(property.initializer) ||
    ts.isTemplateExpression(property.initializer));

function stripSchemaProse() {
  return (context) => {
    const insideSchema = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const kept = node.properties.filter((property) => !isProse(property));
        return ts.visitEachChild(ts.factory.updateObjectLiteralExpression(node, kept), insideSchema, context);
      }
      return ts.visitEachChild(node, insideSchema, context);
    };
    const visit = (node) =>
      isSchemaDeclaration(node)
        ? ts.visitEachChild(node, insideSchema, context)
        : ts.visitEachChild(node, visit, context);
    return (file) => ts.visitNode(file, visit);
  };
}

module.exports = () => ({ before: [stripSchemaProse()] });
module.exports.stripSchemaProse = stripSchemaProse;
