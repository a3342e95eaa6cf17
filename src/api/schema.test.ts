import fs from 'node:fs';
import { GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { createSchema } from './build-schema';
import { currentSdl, SDL_FILE } from './sdl';

/** The committed SDL is what the resolvers emit, and Sandbox readers get a description everywhere. */
test('schema/schema.graphql is up to date (run `npm run schema` after changing a type)', async () => {
  expect(fs.readFileSync(SDL_FILE, 'utf8')).toBe(await currentSdl());
});

test('every type, field, argument and enum value has a description', async () => {
  const schema = await createSchema();
  const missing: string[] = [];
  const own = (t: GraphQLNamedType) => !t.name.startsWith('__') && !(isScalarType(t) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
  for (const type of Object.values(schema.getTypeMap()).filter(own)) {
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) {
      // Enum values are self-describing words; the enum's own description explains them.
      expect(type.getValues().length).toBeGreaterThan(0);
    }
  }
  expect(missing).toEqual([]);
});
