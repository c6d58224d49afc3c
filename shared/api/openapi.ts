/** Builds the OpenAPI 3.1 document from the route table, with JSON Schemas generated from the same zod validators. */
import { z } from 'zod';
import { apiErrorSchema } from './common';
import { routes, type RouteDef } from './routes';
import { UPLOAD_FIELD, UPLOAD_KINDS } from './uploads';

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

function parameters(obj: z.ZodObject | undefined, where: 'path' | 'query'): Json[] {
  if (!obj) return [];
  const js = schema(obj, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const SECURITY: Record<RouteDef['access'], Json[] | undefined> = {
  public: undefined,
  session: [{ cookieAuth: [] }, { bearerAuth: [] }],
  booth: [{ cookieAuth: [] }, { bearerAuth: [] }],
  organizer: [{ cookieAuth: [] }, { bearerAuth: [] }],
  staff: [{ cookieAuth: [] }, { bearerAuth: [] }],
  visitor: [{ cookieAuth: [] }, { bearerAuth: [] }],
  moderator: [{ cookieAuth: [] }, { bearerAuth: [] }],
};

export function buildOpenApi(version = '0.1.0'): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const errorRef = { $ref: '#/components/schemas/ApiError' };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

  for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
    const op: Json = {
      operationId: name,
      summary: def.summary,
      tags: [def.tag],
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    };
    const access = def.access === 'booth' ? 'staff of this booth or an organizer' : def.access;
    op.description = `Access: ${access}.`;
    if (SECURITY[def.access]) op.security = SECURITY[def.access];
    if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: schema(def.body, 'input') } } };
    if (def.upload) {
      const kind = UPLOAD_KINDS[def.upload];
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [UPLOAD_FIELD],
              properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `${kind.accept}, at most ${kind.maxBytes / 1024 / 1024} MB` } },
            },
          },
        },
      };
    }
    const ok =
      def.raw === 'redirect'
        ? { description: 'Counted, then redirected (302) to the file or site', headers: { Location: { schema: { type: 'string', format: 'uri-reference' } } } }
        : def.raw === 'text/event-stream'
          ? { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }
          : def.raw === 'file'
            ? {
                description: 'A file download',
                content: {
                  'text/csv': { schema: { type: 'string' } },
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
                },
              }
            : { description: 'OK', content: { 'application/json': { schema: schema(def.response, 'output') } } };
    const responses: Json = { [def.raw === 'redirect' ? '302' : String(def.status ?? 200)]: ok };
    if (def.params || def.query || def.body || def.upload) responses['400'] = errorResponse('The request is invalid; `issues` says where');
    if (def.access !== 'public') {
      responses['401'] = errorResponse('Not signed in');
      responses['403'] = errorResponse('Signed in, but not allowed');
    }
    if (def.params) responses['404'] = errorResponse('No such item');
    if (def.upload) {
      responses['413'] = errorResponse('The file is too large');
      responses['415'] = errorResponse('The file is not of an accepted type, or is damaged or unsafe');
    }
    if (name === 'login') responses['429'] = errorResponse('Too many attempts; try again later');
    op.responses = responses;
    const path = def.path;
    (paths[path] ??= {})[def.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Ludao 鹭岛云展 API',
      version,
      description: 'Expo, booths and exhibitor console of Ludao. Errors are JSON: {error, message, issues?}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ApiError: schema(apiErrorSchema, 'output') },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'ludao_session' },
        bearerAuth: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
