// The store console (/console): a page of its own for the desk PC and the manager's laptop,
// online only. It shares nothing with the tablet app's start and is never precached by it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp.tsx';
import './console.css';

const root = document.getElementById('root');
if (!root) throw new Error('console.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
