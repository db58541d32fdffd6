/**
 * Schema errors (ajv's, or schema-check's in the same form) as lines a person can act on, naming the field
 * (`customVendors[0].domains[1]`): what a settings import refuses, what the stored-settings reader dropped, and why
 * a message's payload was refused.
 */
import type { SchemaProblem } from './schema-check';

/** `/customVendors/0/domains/1` -> `customVendors[0].domains[1]`. */
export function fieldName(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === '' ? part : `${name}.${part}`),
    '',
  );
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'a list [...]',
  object: 'an object {...}',
  string: 'text in quotes',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

/**
 * One line for one ajv error; undefined for errors that only repeat another one. `whole` names the value itself
 * (a settings file, a message's payload).
 */
export function describeSchemaError(error: SchemaProblem, whole = 'the file'): string | undefined {
  const { params, propertyName } = error;
  const field = fieldName(error.instancePath) || whole;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties':
      return `${fieldName(error.instancePath, String(params.additionalProperty))}: unknown field (remove it)`;
    case 'required':
      return `${fieldName(error.instancePath, String(params.missingProperty))}: missing`;
    case 'type':
      return `${field}: must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      const list = allowed.map((value) => JSON.stringify(value)).join(', ');
      return propertyName !== undefined
        ? `${field}: "${propertyName}" is not one of ${list}`
        : `${field}: must be ${allowed.length > 1 ? 'one of ' : ''}${list}`;
    }
    case 'pattern':
      if (propertyName !== undefined)
        return `${field}: "${propertyName}" is not a vendor id (lower-case letters, digits and dashes)`;
      if (/customVendors\[\d+\]\.id$/.test(field))
        return `${field}: must be "custom-" followed by lower-case letters, digits and dashes`;
      if (field.startsWith('sensitivePages'))
        return `${field}: must be an address filter such as "||ci.example.com/credentials"`;
      return `${field}: is not in the expected form`;
    case 'minLength':
      return `${field}: must not be empty`;
    case 'maxLength':
      return `${field}: is longer than ${String(params.limit)} characters`;
    case 'minItems':
      return `${field}: must list at least ${String(params.limit)}`;
    case 'maxItems':
    case 'maxProperties':
      return `${field}: lists more than ${String(params.limit)}`;
    case 'minimum':
      return `${field}: must be ${String(params.limit)} or more`;
    case 'maximum':
      return `${field}: must be ${String(params.limit)} or less`;
    case 'exclusiveMinimum':
      return `${field}: must be more than ${String(params.limit)}`;
    case 'oneOf':
      return `${field}: is none of the forms it may take`;
    default:
      return `${field}: ${error.message ?? 'is not valid'}`;
  }
}

/** Lines naming each field a validator refused, in order, without repeats. */
export function schemaErrorLines(errors: readonly SchemaProblem[] | null | undefined): string[] {
  return [
    ...new Set(
      (errors ?? []).map((error) => describeSchemaError(error)).filter((line): line is string => line !== undefined),
    ),
  ];
}
