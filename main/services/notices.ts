/**
 * Start-up notices: what the disk did to the user's data that they must hear about once (E_CONFIG_CORRUPT,
 * E_DRAFT_CORRUPT, E_LOG_UNAVAILABLE). The stores keep their own notice (settings and drafts quarantine a
 * damaged file and remember it; the log sink says when its file cannot be opened); this module turns them
 * into the contract's StartupNotice, each with a stable id, and remembers which ones the user dismissed.
 * Nothing is persisted: a damaged file is moved aside once, so its notice belongs to the run that found it.
 * A cause that persists (settings that cannot be moved aside, a logs folder that is a file) is found again
 * at the next start, and said again, until it is fixed.
 */
import path from 'node:path';
import type { StartupNotice } from '../../preload/contract';
import type { LogUnavailable } from '../platform/log';
import type { SettingsCorruptError } from '../platform/settings';
import type { DraftCorruptError } from './drafts';

export interface NoticeSources {
  readonly settings: () => SettingsCorruptError | undefined;
  readonly draft: () => DraftCorruptError | undefined;
  readonly log: () => LogUnavailable | undefined;
}

export interface Notices {
  /** The notices not dismissed, as of now. */
  list(): StartupNotice[];
  dismiss(id: string): boolean;
}

export function settingsNotice(notice: SettingsCorruptError): StartupNotice {
  return {
    id: `settings:${notice.quarantinedTo ? path.basename(notice.quarantinedTo) : 'in-memory'}`,
    code: 'E_CONFIG_CORRUPT',
    file: notice.file,
    ...(notice.quarantinedTo ? { keptAt: notice.quarantinedTo } : {}),
    kept: [...notice.kept],
    reset: [...notice.reset],
  };
}

export function draftNotice(notice: DraftCorruptError): StartupNotice {
  return {
    id: `draft:${path.basename(notice.quarantinedTo)}`,
    code: 'E_DRAFT_CORRUPT',
    keptAt: notice.quarantinedTo,
    ...(notice.draftId ? { draftId: notice.draftId } : {}),
    secrets: notice.secrets,
  };
}

export function logNotice(unavailable: LogUnavailable): StartupNotice {
  return { id: `log:${unavailable.path}`, code: 'E_LOG_UNAVAILABLE', path: unavailable.path, problem: unavailable.kind };
}

export function createNotices(sources: NoticeSources): Notices {
  const dismissed = new Set<string>();
  const current = (): StartupNotice[] => {
    const settings = sources.settings();
    const draft = sources.draft();
    const log = sources.log();
    return [...(settings ? [settingsNotice(settings)] : []), ...(draft ? [draftNotice(draft)] : []), ...(log ? [logNotice(log)] : [])];
  };
  return {
    list: () => current().filter((notice) => !dismissed.has(notice.id)),
    dismiss(id) {
      if (dismissed.has(id) || !current().some((notice) => notice.id === id)) return false;
      dismissed.add(id);
      return true;
    },
  };
}
