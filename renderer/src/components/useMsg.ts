import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Msg } from '../../../preload/contract';

/** Renders a connector's `Msg` (namespaced key + params) in the current language. */
export function useMsg(): (message: Msg) => string {
  const { t } = useTranslation();
  return useCallback((message: Msg) => t(message.key, { ...message.params }), [t]);
}
