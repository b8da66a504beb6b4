import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { IssuePanelApp } from '../issue-panel/issue-panel-app';

// The jira:issueContext module's resource (manifest.yml): Forge bundles this file and renders it natively.
ForgeReconciler.render(
  <StrictMode>
    <IssuePanelApp />
  </StrictMode>,
);
