/**
 * The current data origin as React context, so deep parts of the panel (a
 * relation card with no evidence) can say which file the graph came from
 * without every component in between passing it along.
 */

import { createContext, useContext } from 'react';
import type { DataOrigin } from '../../state/dataSource.ts';

export const DataOriginContext = createContext<DataOrigin>({ kind: 'seed', name: 'seed article' });

export function useDataOrigin(): DataOrigin {
  return useContext(DataOriginContext);
}
