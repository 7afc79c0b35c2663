import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore } from '../../store';

/**
 * When a sign-in completes, the panel that had the focus disappears; the focus then goes to `target` (the
 * heading of what appeared instead) rather than to the top of the page.
 */
export function useFocusAfterSignIn(target: RefObject<HTMLElement | null>): void {
  const signedIn = useAppStore((state) => state.auth.phase === 'signedIn');
  const was = useRef(signedIn);
  useEffect(() => {
    const active = document.activeElement;
    if (!was.current && signedIn && (!active || active === document.body)) target.current?.focus();
    was.current = signedIn;
  }, [signedIn, target]);
}
