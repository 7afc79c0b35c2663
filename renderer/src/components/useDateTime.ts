import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats an ISO timestamp in the UI language ("21 Nov 2025, 14:05"); an unreadable one is shown as it came. */
export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    },
    [language],
  );
}
