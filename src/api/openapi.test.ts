import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, openApiPath, renderOpenApiDocument } from '../../scripts/openapi.ts';
import { endpoints } from './openapi-endpoints.ts';

describe('the published OpenAPI document', () => {
  it('is what `npm run openapi` generates from the contract today', () => {
    const committed = readFileSync(openApiPath, 'utf8');
    expect(committed, 'public/openapi.json is out of date: run `npm run openapi`').toBe(
      renderOpenApiDocument(),
    );
  });

  it('describes every endpoint of the contract, with its responses', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    for (const endpoint of endpoints) {
      const operation = document.paths[endpoint.path]?.[endpoint.method];
      expect(operation?.operationId).toBe(endpoint.operationId);
      expect(Object.keys(operation?.responses ?? {})).toEqual(Object.keys(endpoint.responses));
    }
  });

  it('refers to named schemas as components', () => {
    const document = buildOpenApiDocument() as { components: { schemas: Record<string, unknown> } };
    const text = JSON.stringify(document);
    expect(text).not.toContain('#/$defs/');
    for (const ref of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) {
      expect(document.components.schemas).toHaveProperty(ref[1] as string);
    }
    expect(document.components.schemas).toHaveProperty('SharedRolesUpdate');
  });

  it("documents each operation's errors: 401 unless public, 404 where the path names something, 412 where If-Match is read, 413 and 415 on every write", () => {
    for (const endpoint of endpoints) {
      const statuses = Object.keys(endpoint.responses).map(Number);
      const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      expect(statuses.some((status) => status >= 400 && status < 500) || endpoint.public, where).toBe(true);
      if (!endpoint.public) expect(statuses, where).toContain(401);
      if (endpoint.path.includes('{id}')) expect(statuses, where).toContain(404);
      if (endpoint.requestHeaders?.['If-Match']) expect(statuses, where).toContain(412);
      if (endpoint.method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining([413, 415]));
    }
  });
});
