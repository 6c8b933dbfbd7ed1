// Tooltips are built as DOM nodes with textContent: names come from uploads and may hold HTML, and
// ECharts would render a formatter's string as markup.

export interface TooltipLine {
  label: string;
  value: string;
  color?: string;
}

export function tooltipElement(title: string, lines: readonly TooltipLine[]): HTMLElement {
  const root = document.createElement('div');
  root.className = 'chart-tooltip';
  const heading = document.createElement('div');
  heading.className = 'chart-tooltip__title';
  heading.textContent = title;
  root.append(heading);
  for (const line of lines) {
    const row = document.createElement('div');
    row.className = 'chart-tooltip__row';
    const swatch = document.createElement('span');
    swatch.className = 'chart-tooltip__swatch';
    if (line.color) swatch.style.backgroundColor = line.color;
    const label = document.createElement('span');
    label.className = 'chart-tooltip__label';
    label.textContent = line.label;
    const value = document.createElement('span');
    value.className = 'chart-tooltip__value';
    value.textContent = line.value;
    row.append(swatch, label, value);
    root.append(row);
  }
  return root;
}
