/**
 * The keys of a search combobox
 * =============================
 *
 * WAI-ARIA's combobox with a listbox popup, as both search boxes use it (the
 * legend's entity search and corpus mode's search): ArrowDown opens the list
 * and moves down (wrapping), ArrowUp moves up, Enter chooses the active
 * option (the first when none is active), and Escape belongs to the box
 * while it has something to undo — first it closes the list, then it
 * clears the text — and only then to the page (one step back).
 */

import type { KeyboardEvent } from 'react';

export interface ComboboxKeys<T> {
  options: readonly T[];
  active: number;
  /** The list is showing. */
  expanded: boolean;
  query: string;
  setActive: (update: (index: number) => number) => void;
  setOpen: (open: boolean) => void;
  choose: (option: T) => void;
  clear: () => void;
}

export function onComboboxKey<T>(event: KeyboardEvent<HTMLInputElement>, box: ComboboxKeys<T>): void {
  const count = box.options.length;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    box.setOpen(true);
    if (count > 0) box.setActive((i) => (i + 1) % count);
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    if (count > 0) box.setActive((i) => (i <= 0 ? count - 1 : i - 1));
  } else if (event.key === 'Enter') {
    const option = box.options[box.active >= 0 ? box.active : 0];
    if (box.expanded && option !== undefined) {
      event.preventDefault();
      box.choose(option);
    }
  } else if (event.key === 'Escape') {
    if (box.expanded) {
      event.stopPropagation();
      box.setOpen(false);
      box.setActive(() => -1);
    } else if (box.query !== '') {
      event.stopPropagation();
      box.clear();
    }
  }
}
