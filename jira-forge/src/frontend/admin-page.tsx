import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { AdminPageApp } from '../admin/admin-page-app';

// The jira:adminPage module's resource (manifest.yml), opened from Manage apps → Plazo → Configure.
ForgeReconciler.render(
  <StrictMode>
    <AdminPageApp />
  </StrictMode>,
);
