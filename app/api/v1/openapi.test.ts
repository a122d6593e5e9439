import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentName, requestSchemas } from '@/lib/http/api-operations';
import { jsonSchemaOf } from '@/lib/http/openapi';
import { call } from './test-client';
import * as openapi from './openapi.json/route';

const root = join(process.cwd(), 'app/api/v1');

function routeFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

describe('GET /api/v1/openapi.json', () => {
  it('is served without a key as OpenAPI 3.1', async () => {
    const { status, body } = await call(openapi.GET, { auth: false });
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
  });

  it('documents every route file: each method/path comment and every schema the file validates with', async () => {
    const { body: doc } = await call(openapi.GET, { auth: false });
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const where = relative(root, file);
      const exported = [...source.matchAll(/export const (GET|POST|PUT|DELETE|PATCH)\b/g)].map((m) => m[1]);
      const documented = [...source.matchAll(/^\/\/ (GET|POST|PUT|DELETE|PATCH) (\/api\/v1\/\S+) — /gm)];
      expect(
        documented.map((m) => m[1]).sort(),
        `${where}: one "// METHOD /path — what" line per handler`,
      ).toEqual(exported.sort());
      for (const [, method, path] of documented) {
        expect(
          doc.paths[path]?.[method.toLowerCase()],
          `${where}: ${method} ${path} missing from openapi.json`,
        ).toBeDefined();
      }
      for (const [, name] of source.matchAll(/\b([a-z]\w*Schema)\b/g)) {
        const component = componentName(name);
        expect(
          requestSchemas[component],
          `${where}: ${name} is not exported from a lib/*/schemas.ts`,
        ).toBeDefined();
        expect(doc.components.schemas[component], `${where}: ${name} missing from openapi.json`).toEqual(
          jsonSchemaOf(requestSchemas[component]),
        );
        const operations = documented.map(([, method, path]) =>
          JSON.stringify(doc.paths[path][method.toLowerCase()]),
        );
        const properties = Object.keys(doc.components.schemas[component].properties ?? {});
        const used = operations.some(
          (op) =>
            op.includes(`#/components/schemas/${component}"`) ||
            properties.every((p) => op.includes(`"name":"${p}"`)),
        );
        expect(used, `${where}: no operation of the file uses ${component}`).toBe(true);
      }
    }
  });
});
