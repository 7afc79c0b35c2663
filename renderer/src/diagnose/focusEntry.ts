/** The DOM id of a catalogue entry, and moving the focus to it (from a result's or a known problem's link). */
export const entryDomId = (id: string): string => `catalogue-entry-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function focusEntry(id: string): void {
  // After the search was cleared the entry renders on the next frame.
  window.requestAnimationFrame(() => {
    const element = document.getElementById(entryDomId(id));
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    element.focus();
  });
}

/** Brings the live progress of a run into view (it renders on the next frame after the run starts). */
export function showProgress(): void {
  window.requestAnimationFrame(() => document.getElementById('diagnose-progress')?.scrollIntoView({ block: 'start' }));
}

/** Brings the Diagnose result into view with the focus on its heading (after a run started from far below). */
export function focusResult(): void {
  window.requestAnimationFrame(() => {
    const heading = document.getElementById('diagnose-result-heading');
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  });
}
