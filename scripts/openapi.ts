/**
 * Generates the OpenAPI 3.1 document of the sharing API from the zod contract (`npm run openapi`), so a
 * backend team can implement it. The committed `public/openapi.json` is checked by `src/api/openapi.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod/mini';
import { sharingApiBasePath } from '../src/api/contract.ts';
import { type Endpoint, endpoints } from '../src/api/openapi-endpoints.ts';

type JsonSchema = Record<string, unknown>;

/** Where the document is committed. */
export const openApiPath = fileURLToPath(new URL('../public/openapi.json', import.meta.url));

/** Converts schemas one by one, hoisting every named subschema (`documented(…, { id })`) into shared components. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.core.$ZodType): JsonSchema {
    // Input side: a query default makes the parameter optional, and unknown body keys are ignored, not refused.
    const json = z.toJSONSchema(schema, {
      io: 'input',
      target: 'draft-2020-12',
      unrepresentable: 'any',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const rewritten = rewriteRefs(def) as JsonSchema;
      const existing = this.components[id];
      if (existing && JSON.stringify(existing) !== JSON.stringify(rewritten)) {
        throw new Error(`Two different schemas are named ${id}.`);
      }
      this.components[id] = rewritten;
    }
    return rewriteRefs(rest) as JsonSchema;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === '$ref' && typeof inner === 'string'
          ? [key, inner.replace('#/$defs/', '#/components/schemas/')]
          : [key, rewriteRefs(inner)],
      ),
    );
  }
  return value;
}

function parameters(collector: SchemaCollector, endpoint: Endpoint): JsonSchema[] {
  const result: JsonSchema[] = [];
  const add = (where: 'path' | 'query', object: z.ZodMiniObject | undefined) => {
    if (!object) return;
    const json = collector.convert(object);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(properties)) {
      const { description, ...rest } = schema;
      result.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', endpoint.pathParams);
  add('query', endpoint.query);
  for (const [name, description] of Object.entries(endpoint.requestHeaders ?? {})) {
    result.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
  }
  return result;
}

function operation(collector: SchemaCollector, endpoint: Endpoint): JsonSchema {
  const responses = Object.fromEntries(
    Object.entries(endpoint.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        ...(response.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(response.schema
          ? { content: { 'application/json': { schema: collector.convert(response.schema) } } }
          : {}),
      },
    ]),
  );
  const params = parameters(collector, endpoint);
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(endpoint.public ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: collector.convert(endpoint.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of every endpoint of the contract. */
export function buildOpenApiDocument(): JsonSchema {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    const item = paths[endpoint.path] as Record<string, JsonSchema>;
    item[endpoint.method] = operation(collector, endpoint);
  }
  const sortedComponents = Object.fromEntries(
    Object.entries(collector.components).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sharewell sharing API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        "Share assets with users, groups, organizations and roles, following DataRobot's sharedRoles API. Every rule of the sharing policy is enforced by the backend; a request that breaks any rule changes nothing. Endpoints tagged `demo` exist in the mock backend only.",
    },
    servers: [
      {
        url: sharingApiBasePath,
        description: 'Same origin (the demo app, with the mock backend in the browser).',
      },
      { url: `http://127.0.0.1:4010${sharingApiBasePath}`, description: '`npm run api`' },
    ],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'account', description: 'Who the bearer token signs in as.' },
      { name: 'principals', description: 'The people, groups, organizations and roles one can share with.' },
      { name: 'assets', description: 'The assets the actor can see, with their role on each.' },
      { name: 'sharing', description: 'Access lists, their changes and previews, and external links.' },
      { name: 'accessRequests', description: 'Asking for more access, and answering such requests (§12).' },
      { name: 'notifications', description: "The actor's notification center." },
      { name: 'demo', description: 'Mock backend only.' },
    ],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: sortedComponents,
    },
  };
}

/** The document as committed: two-space JSON and a final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(openApiPath, renderOpenApiDocument());
  console.log(`Wrote ${openApiPath}`);
}
