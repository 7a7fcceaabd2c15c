/**
 * StartupError — shown instead of the explorer when the bundled dataset is
 * invalid, with the validator's message (file, field path, fix) as plain text.
 */

import type { ReactElement } from 'react';

export function StartupError({ error }: { error: unknown }): ReactElement {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="startup-error" role="alert">
      <h1>newsgraph could not open its dataset</h1>
      <pre>{message}</pre>
    </div>
  );
}
