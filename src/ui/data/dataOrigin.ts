/**
 * The current data origin as React context, so deep parts of the page (the
 * graph toolbar's Copy link: the user's own data or the seed; the header's
 * title for a file with none) can ask where the graph came from without
 * every component in between passing it along.
 */

import { createContext, useContext } from 'react';
import type { DataOrigin } from '../../state/dataSource.ts';

export const DataOriginContext = createContext<DataOrigin>({ kind: 'seed', name: 'seed article' });

export function useDataOrigin(): DataOrigin {
  return useContext(DataOriginContext);
}
