import { forgeHost } from './forge-host';

// Before any test module loads @forge/bridge or @forge/react: both read the bridge when they load, as in Forge's page.
const g = globalThis as Record<string, unknown>;
g.self = globalThis;
g.__bridge = { callBridge: forgeHost.callBridge };
g.IS_REACT_ACT_ENVIRONMENT = true;
