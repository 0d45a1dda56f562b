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
});
