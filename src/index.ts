// The action's entry (action.yml → dist/index.js). Everything happens in run(); nothing at import time.
import { run } from './main.ts';

await run();
