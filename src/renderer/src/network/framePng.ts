import { OFFICIAL_RING } from './graphModel';
import { dashOf, frameOf, type LegendEntry, type PictureHeader } from './pictureFrame';

/** Outline of a kind's shape in a unit box centred on 0, as the canvas and the SVG draw it. */
function outline(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number) {
  const polygon = (points: ReadonlyArray<readonly [number, number]>): void => {
    points.forEach(([px, py], i) =>
      i === 0 ? ctx.moveTo(x + px * r, y + py * r) : ctx.lineTo(x + px * r, y + py * r),
    );
    ctx.closePath();
  };
  ctx.beginPath();
  if (shape === 'ellipse') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape.endsWith('rectangle')) ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'diamond')
    polygon([
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
  else if (shape === 'round-triangle')
    polygon([
      [0, -1],
      [1, 1],
      [-1, 1],
    ]);
  else if (shape === 'vee')
    polygon([
      [-1, -1],
      [0, -0.33],
      [1, -1],
      [0, 1],
    ]);
  else {
    const sides = shape === 'hexagon' ? 6 : 8;
    polygon(
      Array.from({ length: sides }, (_, i) => {
        const a = (2 * Math.PI * i) / sides + (sides === 8 ? Math.PI / 8 : 0);
        return [Math.cos(a), Math.sin(a)] as const;
      }),
    );
  }
}

function drawRow(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  ctx.strokeStyle = '#455a64';
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  switch (entry.type) {
    case 'heading':
      break;
    case 'shape':
      outline(ctx, entry.shape, x + 8, y, 6);
      ctx.fillStyle = '#eceff1';
      ctx.fill();
      ctx.stroke();
      break;
    case 'colour':
      outline(ctx, 'ellipse', x + 8, y, 6);
      ctx.fillStyle = entry.colour;
      ctx.fill();
      ctx.stroke();
      break;
    case 'official':
      outline(ctx, 'ellipse', x + 8, y, 5);
      ctx.fillStyle = '#6a1b9a';
      ctx.fill();
      ctx.strokeStyle = OFFICIAL_RING;
      ctx.lineWidth = 3;
      ctx.stroke();
      break;
    case 'line': {
      const dash = dashOf(entry.style);
      ctx.beginPath();
      ctx.setLineDash(dash === '' ? [] : dash.split(' ').map(Number));
      ctx.strokeStyle = '#607d8b';
      ctx.lineWidth = 2;
      ctx.moveTo(x, y);
      ctx.lineTo(x + 18, y);
      ctx.stroke();
      break;
    }
  }
  ctx.fillStyle = '#212121';
  ctx.font = `${entry.type === 'heading' ? 'bold ' : ''}11px Noto Sans, sans-serif`;
  ctx.fillText(entry.label, entry.type === 'heading' ? x : x + 24, y + 4);
}

/**
 * The canvas's PNG with the header above it and the legend beside it (pictureFrame.ts), drawn
 * at the picture's own scale.
 */
export async function framePng(picture: Blob, header: PictureHeader, scale: number): Promise<Blob> {
  const image = await createImageBitmap(picture);
  // Read before close(), which sets an ImageBitmap's size to 0.
  const pictureWidth = image.width;
  const frame = frameOf(header);
  const width = pictureWidth + frame.legendWidth * scale;
  const height = Math.max(image.height, frame.legendHeight * scale) + frame.headerHeight * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw the exported picture.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, frame.headerHeight * scale);
  image.close();
  ctx.scale(scale, scale);
  for (const line of frame.lines) {
    ctx.fillStyle = '#212121';
    ctx.font = `${line.bold ? 'bold 15px' : '12px'} Noto Sans, sans-serif`;
    ctx.fillText(line.text, line.x, line.y);
  }
  ctx.translate(pictureWidth / scale, frame.headerHeight);
  for (const row of frame.rows) drawRow(ctx, row.entry, row.x, row.y);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob === null
          ? reject(new Error('The exported picture could not be encoded.'))
          : resolve(blob),
      'image/png',
    ),
  );
}
