// Live ECharts instances, counted at init and dispose and shown as `#app[data-live-charts]`: a
// chart that is dropped without being disposed stays in ECharts' registry, and this number is how
// soak tests and the bench see such a leak.
let live = 0;

function publish(): void {
  document.getElementById('app')?.setAttribute('data-live-charts', String(live));
}

export function chartCreated(): void {
  live++;
  publish();
}

export function chartDisposed(): void {
  live--;
  publish();
}
