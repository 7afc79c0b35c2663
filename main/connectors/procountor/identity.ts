/**
 * Who the key belongs to: GET /sessioninfo (company and user of the token; declared to always answer)
 * plus GET /company for the Business ID, which may be refused without harm ("No access right to company
 * information" only means the API user lacks Management › Basic company info).
 */
import { z } from 'zod';
import type { CheckFailure } from './diagnosis';
import { ProcountorParseError } from './errors';
import type { OpenAccess } from './session';

export interface Identity {
  readonly companyId: string;
  readonly companyName: string;
  readonly userId?: string;
  readonly userName: string;
  readonly businessId?: string;
}

const sessionInfo = z.looseObject({
  companyId: z.number().int(),
  name: z.string().optional(),
  userId: z.number().int().optional(),
  userName: z.string().optional(),
});
const company = z.looseObject({
  name: z.string().optional(),
  businessIdentifier: z.looseObject({ brnType: z.string().optional(), code: z.string().optional() }).optional(),
});

export type IdentityResult = { readonly ok: true; readonly identity: Identity } | { readonly ok: false; readonly error: CheckFailure };

export async function readIdentity(access: OpenAccess, checkId: string): Promise<IdentityResult> {
  const session = await access.read('sessioninfo', {}, checkId);
  if (!session.ok) return session;
  const info = sessionInfo.safeParse(session.reply.data);
  if (!info.success) return { ok: false, error: new ProcountorParseError('unexpected-shape', 'the /sessioninfo answer has no companyId', session.reply.httpStatus) };
  const details = await access.read('company', {}, checkId);
  const parsed = details.ok ? company.safeParse(details.reply.data) : undefined;
  const businessId = parsed?.success ? parsed.data.businessIdentifier?.code?.trim() : undefined;
  const companyName = info.data.name?.trim() || (parsed?.success ? parsed.data.name?.trim() : undefined) || `#${info.data.companyId}`;
  return {
    ok: true,
    identity: {
      companyId: String(info.data.companyId),
      companyName,
      userName: info.data.userName?.trim() || (info.data.userId === undefined ? '?' : `#${info.data.userId}`),
      ...(info.data.userId === undefined ? {} : { userId: String(info.data.userId) }),
      ...(businessId ? { businessId } : {}),
    },
  };
}
