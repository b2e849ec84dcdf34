// Changes to the segmentation: criteria and their options, the matrix, segments.
import type { Criterion, Playbook, Segment } from '../schema';
import { conditionValue, formatPath, indexById, unionIds, type Path, type Recorder } from './record';

export function diffCriteria(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.segmentation.criteria);
  const after = indexById(next.segmentation.criteria);
  for (const id of unionIds(old.segmentation.criteria, next.segmentation.criteria)) {
    const was = before.get(id);
    const now = after.get(id);
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'criterion',
        id,
        path: formatPath(['segmentation', 'criteria', now.index]),
        label: now.item.label,
        detail: { options: now.item.options.map((o) => ({ id: o.id, points: o.points })) },
      });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'criterion', id, path: formatPath(['segmentation', 'criteria', was.index]), label: was.item.label });
    } else if (was && now) {
      const path: Path = ['segmentation', 'criteria', now.index];
      const base = { area: 'criterion' as const, id, label: now.item.label };
      const [b, a]: [Criterion, Criterion] = [was.item, now.item];
      rec.text(base, path, 'label', b.label, a.label);
      rec.text(base, path, 'question', b.question, a.question);
      rec.scalar(base, path, 'fact', b.fact, a.fact);
      rec.scalar(base, path, 'ask', b.ask, a.ask);
      diffOptions(b, a, path, was.index, rec);
    }
  }
}

function diffOptions(b: Criterion, a: Criterion, path: Path, oldIndex: number, rec: Recorder): void {
  const before = indexById(b.options);
  const after = indexById(a.options);
  for (const optionId of unionIds(b.options, a.options)) {
    const was = before.get(optionId);
    const now = after.get(optionId);
    const id = `${a.id}.${optionId}`;
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'option',
        id,
        path: formatPath([...path, 'options', now.index]),
        label: now.item.label,
        detail: { points: now.item.points },
      });
    } else if (was && !now) {
      rec.push({
        kind: 'removed',
        area: 'option',
        id,
        path: formatPath(['segmentation', 'criteria', oldIndex, 'options', was.index]),
        label: was.item.label,
      });
    } else if (was && now) {
      const optionPath: Path = [...path, 'options', now.index];
      const base = { area: 'option' as const, id, label: now.item.label };
      rec.text(base, optionPath, 'label', was.item.label, now.item.label);
      rec.scalar(base, optionPath, 'points', was.item.points, now.item.points);
      rec.scalar(base, optionPath, 'when', conditionValue(was.item.when), conditionValue(now.item.when));
    }
  }
}

export function diffMatrix(old: Playbook, next: Playbook, rec: Recorder): void {
  const b = old.segmentation.matrix;
  const a = next.segmentation.matrix;
  const path: Path = ['segmentation', 'matrix'];
  if (!b && !a) return;
  if (!b && a) {
    rec.push({ kind: 'added', area: 'matrix', id: 'matrix', path: formatPath(path), detail: { row: a.rows, column: a.columns } });
    return;
  }
  if (b && !a) {
    rec.push({ kind: 'removed', area: 'matrix', id: 'matrix', path: formatPath(path) });
    return;
  }
  if (!b || !a) return;
  const base = { area: 'matrix' as const, id: 'matrix' };
  rec.scalar(base, path, 'rows', b.rows, a.rows);
  rec.scalar(base, path, 'columns', b.columns, a.columns);
  const key = (c: { row: string; column: string }) => `${c.row}×${c.column}`;
  const before = new Map(b.cells.map((c, index) => [key(c), { cell: c, index }]));
  const after = new Map(a.cells.map((c, index) => [key(c), { cell: c, index }]));
  for (const [id, now] of after) {
    const was = before.get(id);
    const cellPath: Path = [...path, 'cells', now.index];
    const cell = { row: now.cell.row, column: now.cell.column };
    if (!was) {
      rec.push({
        kind: 'added',
        area: 'matrix',
        id,
        path: formatPath(cellPath),
        owner: { segment: now.cell.segment },
        detail: { ...cell, segment: now.cell.segment },
      });
    } else if (was.cell.segment !== now.cell.segment) {
      rec.push({
        kind: 'changed',
        area: 'matrix',
        id,
        path: formatPath([...cellPath, 'segment']),
        owner: { segment: now.cell.segment },
        field: 'segment',
        before: was.cell.segment,
        after: now.cell.segment,
        detail: cell,
      });
    }
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    rec.push({
      kind: 'removed',
      area: 'matrix',
      id,
      path: formatPath([...path, 'cells', was.index]),
      owner: { segment: was.cell.segment },
      detail: { row: was.cell.row, column: was.cell.column, segment: was.cell.segment },
    });
  }
}

export function diffSegments(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.segmentation.segments);
  const after = indexById(next.segmentation.segments);
  for (const id of unionIds(old.segmentation.segments, next.segmentation.segments)) {
    const was = before.get(id);
    const now = after.get(id);
    const owner = { segment: id };
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'segment',
        id,
        path: formatPath(['segmentation', 'segments', now.index]),
        owner,
        label: now.item.label,
        detail: { points: now.item.minPoints },
      });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'segment', id, path: formatPath(['segmentation', 'segments', was.index]), owner, label: was.item.label });
    } else if (was && now) {
      const path: Path = ['segmentation', 'segments', now.index];
      const base = { area: 'segment' as const, id, owner, label: now.item.label };
      const [b, a]: [Segment, Segment] = [was.item, now.item];
      rec.text(base, path, 'label', b.label, a.label);
      rec.text(base, path, 'description', b.description, a.description);
      rec.scalar(base, path, 'minPoints', b.minPoints, a.minPoints);
      rec.scalar(base, path, 'colour', b.colour, a.colour);
      rec.text(base, path, 'serviceLevel.owner', b.serviceLevel.owner, a.serviceLevel.owner);
      rec.text(base, path, 'serviceLevel.responseTime', b.serviceLevel.responseTime, a.serviceLevel.responseTime);
      rec.text(base, path, 'serviceLevel.channel', b.serviceLevel.channel, a.serviceLevel.channel);
      rec.scalar(base, path, 'serviceLevel.touch', b.serviceLevel.touch, a.serviceLevel.touch);
    }
  }
}
