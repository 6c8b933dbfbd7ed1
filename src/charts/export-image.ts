/**
 * A chart image for slides and reports: the chart at its pixel ratio on the theme background, with
 * the title above and the source line below, so the picture says what it is when pasted alone.
 */
export async function composeChartImage(chartDataUrl: string, title: string, source: string, background: string, ink: string, pixelRatio: number): Promise<Blob> {
  const image = new Image();
  image.src = chartDataUrl;
  await image.decode();
  const pad = 16 * pixelRatio;
  const titleSize = 18 * pixelRatio;
  const sourceSize = 12 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = image.width + 2 * pad;
  canvas.height = image.height + titleSize + sourceSize + 4 * pad;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = ink;
  ctx.textBaseline = 'top';
  const font = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  ctx.font = `600 ${titleSize}px ${font}`;
  ctx.fillText(title, pad, pad, canvas.width - 2 * pad);
  ctx.drawImage(image, pad, 2 * pad + titleSize);
  ctx.globalAlpha = 0.75;
  ctx.font = `${sourceSize}px ${font}`;
  ctx.fillText(source, pad, canvas.height - pad - sourceSize, canvas.width - 2 * pad);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
