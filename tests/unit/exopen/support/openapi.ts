/**
 * Checks HTTP exchanges against openapi/exopen.yaml with ajv (JSON Schema 2020-12, the dialect of OpenAPI
 * 3.1). The whole document is registered as one schema, so `$ref: '#/components/schemas/X'` resolves in
 * place and any schema in it can be compiled by its JSON pointer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const DOCUMENT_PATH = fileURLToPath(new URL('../../../../openapi/exopen.yaml', import.meta.url));
const DOC_ID = 'https://exopen.test/openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface HttpExchange {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseBody?: string;
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const escapePointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');
const mediaType = (value: string | undefined): string => (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export interface OpenApiContract {
  readonly document: Node;
  /** Follows `$ref`s of non-schema objects (responses, parameters, headers) to the pointer of the target. */
  resolve(pointer: string): { readonly node: Node; readonly pointer: string };
  validate(pointer: string, value: unknown): string[];
  checkRequest(exchange: HttpExchange): string[];
  checkResponse(exchange: HttpExchange): string[];
  /** The operationId the exchange is an instance of, if the document has one for it. */
  operationIdOf(exchange: Pick<HttpExchange, 'method' | 'url'>): string | undefined;
}

export function loadOpenApiContract(file = DOCUMENT_PATH): OpenApiContract {
  const document = parse(readFileSync(file, 'utf8')) as Node;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The document's own top-level fields are not schema keywords; declare them so strict mode lets them be.
  for (const key of Object.keys(document)) ajv.addKeyword(key);
  ajv.addSchema({ ...document, $id: DOC_ID });
  const compiled = new Map<string, ValidateFunction>();

  function at(pointer: string): unknown {
    return pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((node, part) => {
        const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node)) return node[Number(key)];
        return isNode(node) ? node[key] : undefined;
      }, document);
  }

  function resolve(pointer: string): { node: Node; pointer: string } {
    const node = at(pointer);
    if (!isNode(node)) throw new Error(`nothing at ${pointer}`);
    return typeof node.$ref === 'string' ? resolve(node.$ref.replace(/^#/, '')) : { node, pointer };
  }

  function validate(pointer: string, value: unknown): string[] {
    let check = compiled.get(pointer);
    if (!check) {
      check = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      compiled.set(pointer, check);
    }
    if (check(value)) return [];
    return (check.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
  }

  function findOperation(method: string, url: string): { pointer: string; params: Record<string, string> } | undefined {
    const { pathname } = new URL(url, 'http://x');
    const paths = document.paths as Node;
    for (const template of Object.keys(paths)) {
      const names: string[] = [];
      const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const match = new RegExp(`^${source}$`).exec(pathname);
      const verb = method.toLowerCase();
      if (!match || !METHODS.some((m) => m === verb) || !isNode((paths[template] as Node)[verb])) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      return { pointer: `/paths/${escapePointer(template)}/${verb}`, params };
    }
    return undefined;
  }

  function checkRequest(exchange: HttpExchange): string[] {
    const found = findOperation(exchange.method, exchange.url);
    if (!found) return [`${exchange.method} ${exchange.url}: no such operation in the document`];
    const operation = resolve(found.pointer).node;
    const pathItem = found.pointer.replace(/\/[a-z]+$/, '');
    const problems: string[] = [];
    const security = (operation.security ?? document.security) as ReadonlyArray<Node> | undefined;
    if (security?.length && !/^Bearer \S+$/.test(exchange.requestHeaders.authorization ?? ''))
      problems.push('Authorization: a bearer token is required');
    // Parameters of the path item apply to each of its operations (OpenAPI 3.1 §4.8.9).
    const declared = [pathItem, found.pointer].flatMap((owner) =>
      ((at(`${owner}/parameters`) as unknown[] | undefined) ?? []).map((_, index) => `${owner}/parameters/${index}`),
    );
    declared.forEach((declaration) => {
      const { node: parameter, pointer } = resolve(declaration);
      const name = String(parameter.name);
      const value = parameter.in === 'header' ? exchange.requestHeaders[name.toLowerCase()] : parameter.in === 'path' ? found.params[name] : undefined;
      if (value === undefined) {
        if (parameter.required) problems.push(`${name}: required ${String(parameter.in)} parameter is missing`);
        return;
      }
      problems.push(...validate(`${pointer}/schema`, value).map((p) => `${name}: ${p}`));
    });
    if (isNode(operation.requestBody)) {
      const { node: body, pointer } = resolve(`${found.pointer}/requestBody`);
      const type = mediaType(exchange.requestHeaders['content-type']);
      const content = body.content as Node;
      if (!isNode(content[type])) problems.push(`request body: content type "${type}" is not documented`);
      else problems.push(...validateJson(`${pointer}/content/${escapePointer(type)}/schema`, exchange.requestBody, 'request body'));
    }
    return problems;
  }

  function validateJson(pointer: string, text: string, where: string): string[] {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return [`${where}: not JSON`];
    }
    return validate(pointer, value).map((p) => `${where}: ${p}`);
  }

  function checkResponse(exchange: HttpExchange): string[] {
    const found = findOperation(exchange.method, exchange.url);
    if (!found || exchange.status === undefined) return [`${exchange.method} ${exchange.url}: no documented operation or no answer`];
    const responses = resolve(found.pointer).node.responses as Node;
    const status = String(exchange.status);
    const key = [status, `${status[0]}XX`, 'default'].find((candidate) => candidate in responses);
    if (!key) return [`${exchange.method} ${exchange.url}: status ${status} is not documented`];
    const { node: response, pointer } = resolve(`${found.pointer}/responses/${key}`);
    const problems: string[] = [];
    for (const name of Object.keys((response.headers as Node | undefined) ?? {})) {
      const { node: header, pointer: headerPointer } = resolve(`${pointer}/headers/${escapePointer(name)}`);
      const value = exchange.responseHeaders?.[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`${status} header ${name}: required but missing`);
      } else problems.push(...validate(`${headerPointer}/schema`, value).map((p) => `${status} header ${name}: ${p}`));
    }
    const content = response.content as Node | undefined;
    const type = mediaType(exchange.responseHeaders?.['content-type']);
    if (!content) return (exchange.responseBody ?? '') === '' ? problems : [...problems, `${status}: a body where none is documented`];
    if (!isNode(content[type])) return [...problems, `${status}: content type "${type}" is not documented`];
    return [...problems, ...validateJson(`${pointer}/content/${escapePointer(type)}/schema`, exchange.responseBody ?? '', `${status} body`)];
  }

  function operationIdOf(exchange: Pick<HttpExchange, 'method' | 'url'>): string | undefined {
    const found = findOperation(exchange.method, exchange.url);
    const id = found ? resolve(found.pointer).node.operationId : undefined;
    return typeof id === 'string' ? id : undefined;
  }

  return { document, resolve, validate, checkRequest, checkResponse, operationIdOf };
}
