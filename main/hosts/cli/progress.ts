/** Live check progress on stderr ("… Sign-in"), so stdout stays the result alone. */
import type { CheckEvent, SystemDescriptor } from '../../connectors/types';
import { renderMsg } from '../../i18n';
import { printNote } from './output';

export const titlesOf = (descriptor: SystemDescriptor): ReadonlyMap<string, string> =>
  new Map(descriptor.checks.map((check) => [check.id, renderMsg(check.title)]));

export const printProgress = (titles: ReadonlyMap<string, string>) => (event: CheckEvent): void => {
  if (event.type === 'check-started') printNote(`… ${titles.get(event.checkId) ?? event.checkId}`);
};
