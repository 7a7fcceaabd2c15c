/**
 * useModalDialog — a native <dialog> opened modally, with the keyboard kept inside
 * ===============================================================================
 *
 * `showModal()` makes the rest of the page inert and puts the dialog in the
 * top layer; on top of that, Tab and Shift+Tab wrap around inside the dialog
 * (rather than wandering into the browser's own controls), Escape closes it
 * without reaching the explorer's own Escape (which would clear the
 * selection), a click on the backdrop closes it, and on closing the focus
 * goes back where it came from — or to `returnFocus()`, when the element that
 * opened the dialog was replaced meanwhile or nothing opened it (a dialog that
 * opens by itself). Every dialog of the app goes through here.
 */

import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject, type SyntheticEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** What Tab stops at, in order: shown, enabled (a disabled <fieldset> disables what it holds), and of a radio group only the checked radio. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.getClientRects().length === 0 || element.matches(':disabled')) return false;
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || element.checked || !element.name) return true;
    return !root.querySelector(`input[type="radio"][name="${CSS.escape(element.name)}"]:checked`);
  });
}

export interface ModalDialogHandlers {
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
  onClick: (event: MouseEvent<HTMLDialogElement>) => void;
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
}

export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  onClose: () => void,
  options: { initialFocus?: RefObject<HTMLElement | null>; returnFocus?: () => HTMLElement | null } = {},
): ModalDialogHandlers {
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    // A dialog that opens by itself (over a file just opened) has no opener: the page's body is not one to go back to.
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (!dialog.open) dialog.showModal();
    const first = optionsRef.current.initialFocus?.current ?? focusables(dialog)[0];
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : optionsRef.current.returnFocus?.();
      back?.focus();
    };
  }, [ref]);

  return {
    onKeyDown(event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
        return;
      }
      if (event.key !== 'Tab' || !ref.current) return;
      const items = focusables(ref.current);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !ref.current.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !ref.current.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    },
    onClick(event) {
      // The dialog's inner wrapper fills it: a click on the <dialog> itself is a click on the backdrop.
      if (event.target === ref.current) onClose();
    },
    onCancel(event) {
      event.preventDefault();
      onClose();
    },
  };
}
