// Build step (webpack, through ts-loader): the JSON schemas declared in TypeScript carry `description`s that
// document the source and schemas/*.json; the bundles only check values against them, so each schema object (an
// object literal with a JSON Schema keyword) is emitted without them. Any other object, a catalog category's
// description for one, is left as it is.
const ts = require('typescript');

const KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'items',
  'oneOf',
  'additionalProperties',
  'propertyNames',
  'pattern',
]);
const PROSE = new Set(['description', 'title']);

const nameOf = (property) =>
  property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
    ? property.name.text
    : undefined;

/** True for an object literal that declares (part of) a JSON schema. */
const isSchemaObject = (node) =>
  node.properties.some(
    (property) =>
      (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
      KEYWORDS.has(nameOf(property)),
  );

/** A `description` or `title` given as text (a member of a `properties` map that is named so holds an object). */
const isProse = (property) =>
  ts.isPropertyAssignment(property) &&
  PROSE.has(nameOf(property)) &&
  (ts.isStringLiteral(property.initializer) ||
    ts.isNoSubstitutionTemplateLiteral(property.initializer) ||
    ts.isTemplateExpression(property.initializer));

function stripSchemaProse() {
  return (context) => {
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node) && isSchemaObject(node)) {
        const kept = node.properties.filter((property) => !isProse(property));
        return ts.visitEachChild(ts.factory.updateObjectLiteralExpression(node, kept), visit, context);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit);
  };
}

module.exports = () => ({ before: [stripSchemaProse()] });
module.exports.stripSchemaProse = stripSchemaProse;
