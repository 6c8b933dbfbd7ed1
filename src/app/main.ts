import './early';

// The rest of the app evaluates in a later task: the engine's worker needs the page's main thread
// for a moment to start, and the app's own modules would hold it for a few hundred ms.
void import('./start-app');
