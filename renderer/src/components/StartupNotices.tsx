import { useActions, useAppStore } from '../store';
import { StartupNoticeAlert } from './StartupNoticeAlert';

/** One alert per notice main reported (a damaged file set aside, no log file), each dismissable; see StartupNoticeAlert. */
export function StartupNotices() {
  const notices = useAppStore((state) => state.notices);
  const { dismissNotice } = useActions();
  return (
    <>
      {notices.map((notice) => (
        <StartupNoticeAlert key={notice.id} notice={notice} onDismiss={(id) => void dismissNotice(id)} />
      ))}
    </>
  );
}
