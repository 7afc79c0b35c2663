import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppErrorBoundary } from './components/AppErrorBoundary';
import { initI18n } from './i18n';
import { useAppStore } from './store';
import { listenForWindowErrors, rootErrorOptions } from './store/errorReport';

// Every renderer failure reaches main's log through the store's one reporting function (app.logError):
// the window's own events from the first moment, React's root hooks and the app's error boundary once it renders.
const { reportError, recoverFromCrash } = useAppStore.getState().actions;
listenForWindowErrors(window, reportError);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

void initI18n().then(() => {
  createRoot(container, rootErrorOptions(reportError, (boundary) => boundary instanceof AppErrorBoundary)).render(
    <StrictMode>
      <AppErrorBoundary report={reportError} recover={recoverFromCrash}>
        <App />
      </AppErrorBoundary>
    </StrictMode>,
  );
});
