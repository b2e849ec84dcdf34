// The potential × share-of-wallet matrix as the grid a lead reads it as: one row per value of
// the row criterion, one column per value of the column criterion, a segment (or none: the
// points decide) in each cell. The playbook stores it as a list of cells; these keep that list
// in step with the grid. Pure.
import { getAt, setAt, type Json, type JsonObject, type Path } from './draft';

const MATRIX: Path = ['segmentation', 'matrix'];
const CELLS: Path = [...MATRIX, 'cells'];

export interface MatrixGrid {
  /** The row criterion's option ids, in its order (empty when the criterion is missing). */
  rows: string[];
  columns: string[];
  /** The segment id of each cell: `segments[r][c]`, undefined where the list has no cell. */
  segments: (string | undefined)[][];
  /** Indexes (in the stored list) of cells naming a value neither axis has: fixed or removed in the form. */
  stray: number[];
}

const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');
const cellsOf = (doc: Json): Json[] => {
  const cells = getAt(doc, CELLS);
  return Array.isArray(cells) ? cells : [];
};

function optionIds(doc: Json, criterionId: string): string[] {
  const criteria = getAt(doc, ['segmentation', 'criteria']);
  const criterion = Array.isArray(criteria) ? criteria.find((c) => getAt(c, ['id']) === criterionId) : undefined;
  const options = getAt(criterion ?? null, ['options']);
  return Array.isArray(options) ? options.map((o) => text(getAt(o, ['id']))).filter(Boolean) : [];
}

/** The draft's matrix as a grid; undefined when the playbook has no matrix. */
export function matrixGrid(doc: Json): MatrixGrid | undefined {
  const matrix = getAt(doc, MATRIX);
  if (matrix === undefined || matrix === null) return undefined;
  const rows = optionIds(doc, text(getAt(matrix, ['rows'])));
  const columns = optionIds(doc, text(getAt(matrix, ['columns'])));
  const segments = rows.map(() => columns.map((): string | undefined => undefined));
  const stray: number[] = [];
  cellsOf(doc).forEach((cell, i) => {
    const r = rows.indexOf(text(getAt(cell, ['row'])));
    const c = columns.indexOf(text(getAt(cell, ['column'])));
    if (r < 0 || c < 0) stray.push(i);
    // The first cell for a place decides (as scoring reads it); the schema flags the second.
    else segments[r]![c] ??= text(getAt(cell, ['segment']));
  });
  return { rows, columns, segments, stray };
}

/**
 * The draft with the cell at (row, column) giving `segment`; `undefined` removes the cell, so
 * the points decide there. An existing cell keeps its place in the list (a small diff); a new
 * one goes last.
 */
export function setMatrixCell(doc: Json, row: string, column: string, segment: string | undefined): Json {
  const cells = cellsOf(doc);
  const at = cells.findIndex((cell) => getAt(cell, ['row']) === row && getAt(cell, ['column']) === column);
  if (segment === undefined) return at < 0 ? doc : setAt(doc, CELLS, cells.filter((_, i) => i !== at));
  if (at >= 0) return setAt(doc, [...CELLS, at, 'segment'], segment);
  return setAt(doc, CELLS, [...cells, { row, column, segment } satisfies JsonObject]);
}

/**
 * The draft with another criterion on one axis. Cells naming a value the new criterion lacks
 * could never apply, so they go (undo brings them back); cells it shares a value id with stay.
 */
export function setMatrixAxis(doc: Json, axis: 'rows' | 'columns', criterionId: string): Json {
  const options = new Set(optionIds(doc, criterionId));
  const key = axis === 'rows' ? 'row' : 'column';
  const withAxis = setAt(doc, [...MATRIX, axis], criterionId);
  return setAt(withAxis, CELLS, cellsOf(withAxis).filter((cell) => options.has(text(getAt(cell, [key])))));
}
