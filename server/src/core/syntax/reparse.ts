/**
 * Parsing again after an edit, the way an editor needs it on every keystroke: only the top-level
 * stages the edit touches are parsed again. The stages before them are kept as they are; the
 * stages after them are kept too, their ranges moved by moving the anchor each stage's ranges
 * read against (`RangeAnchor`), so no tree is copied. A 2,000-line search has a hundred or more
 * top-level stages and a keystroke changes one, so an edit costs a small part of a whole parse.
 *
 * The result is what a whole parse of the new text gives, to the character of every range and
 * message (test/syntax/reparse.test.ts compares the two over random edits of the corpus). Where
 * part of the text cannot give it (an edit that opens a quote or a `[` running past the stages
 * it touched), the whole text is parsed.
 *
 * Moving anchors changes the previous parse: after `update`, the stages it shares with the new
 * parse read their ranges in the new text. An `IncrementalParse` is therefore owned by one holder
 * (the language server keeps one per document) and used up by its update.
 */
import type { Diagnostic } from '../text/diagnostic';
import { endOffsetOf, LineIndex, startOffsetOf } from '../text/lineIndex';
import type { Comment, Pipeline } from './ast';
import { parseStaged, parseStagesBetween, type ParseResult, type StagedParse } from './grammar';

/** Where an edit changed the old text: from `start` to `oldEnd`. */
interface ChangedSpan {
  readonly start: number;
  readonly oldEnd: number;
}

/** Compared a block at a time first: string comparison runs as a memory compare. */
const block = 256;

function changedSpan(oldText: string, newText: string): ChangedSpan {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + block <= shorter && newText.startsWith(oldText.slice(start, start + block), start))
    start += block;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const oldLength = oldText.length;
  const newLength = newText.length;
  let suffix = 0;
  while (
    suffix + block <= shorter - start &&
    newText.endsWith(
      oldText.slice(oldLength - suffix - block, oldLength - suffix),
      newLength - suffix,
    )
  ) {
    suffix += block;
  }
  while (
    suffix < shorter - start &&
    oldText.charCodeAt(oldLength - 1 - suffix) === newText.charCodeAt(newLength - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: oldLength - suffix };
}

/** The items whose offset lies before `from`, and those whose offset is `to` or after. */
function outside<T>(
  items: readonly T[],
  offsetOf: (item: T, index: number) => number,
  from: number,
  to: number,
): { before: T[]; after: T[] } {
  const before: T[] = [];
  const after: T[] = [];
  items.forEach((item, index) => {
    const offset = offsetOf(item, index);
    if (offset < from) before.push(item);
    else if (offset >= to) after.push(item);
  });
  return { before, after };
}

function movedComment(comment: Comment, delta: number, lines: LineIndex): Comment {
  const { range } = comment;
  return {
    ...comment,
    range: lines.lazyRange(startOffsetOf(range) + delta, endOffsetOf(range) + delta),
  };
}

function movedDiagnostic(diagnostic: Diagnostic, delta: number, lines: LineIndex): Diagnostic {
  const { range } = diagnostic;
  return {
    ...diagnostic,
    range: lines.range(range.start.offset + delta, range.end.offset + delta),
  };
}

export class IncrementalParse {
  /** Set by `update`, whose result now owns the stages this parse shared with it. */
  private usedUp = false;

  /** The parse of `text`. */
  readonly result: ParseResult;

  private constructor(
    readonly text: string,
    private readonly staged: StagedParse,
  ) {
    const { pipeline, diagnostics, comments } = staged;
    this.result = { pipeline, diagnostics, comments };
  }

  /** A whole parse of `text`. */
  static of(text: string, lines = new LineIndex(text)): IncrementalParse {
    return new IncrementalParse(text, parseStaged(text, lines));
  }

  /** The parse of `text`, an edited copy of this parse's text. This parse is used up. */
  update(text: string): IncrementalParse {
    if (text === this.text) return this;
    const lines = new LineIndex(text);
    if (this.usedUp) return IncrementalParse.of(text, lines);
    const edit = changedSpan(this.text, text);
    const pipes = this.staged.topLevelPipes;
    // The stages from the last top-level `|` before the edit to the first one after it.
    const from = pipes.findLast((pipe) => pipe < edit.start) ?? 0;
    const oldTo = pipes.find((pipe) => pipe >= edit.oldEnd) ?? this.text.length;
    const delta = text.length - this.text.length;
    const region = parseStagesBetween(text, lines, from, oldTo + delta);
    if (!region) return IncrementalParse.of(text, lines);
    this.usedUp = true;
    // Nothing follows the last stage: what lies at its very end belongs to it.
    const to = oldTo < this.text.length ? oldTo : Infinity;
    return new IncrementalParse(text, this.splice(region, { from, to, delta, lines }));
  }

  /** This parse with its stages from `from` to `to` replaced by `region`'s. */
  private splice(
    region: StagedParse,
    edit: { from: number; to: number; delta: number; lines: LineIndex },
  ): StagedParse {
    const { from, to, delta, lines } = edit;
    const old = this.staged;
    // The first stage's anchor, then one per top-level `|`.
    const firstAnchor = old.stageAnchors.slice(0, 1);
    const pipeAnchors = old.stageAnchors.slice(1);
    const anchors = outside(pipeAnchors, (_, index) => old.topLevelPipes[index] ?? 0, from, to);
    const first = from === 0 ? region.pipeline : old.pipeline;
    const stages = outside(old.pipeline.stages, (stage) => startOffsetOf(stage.range), from, to);
    const comments = outside(old.comments, (comment) => startOffsetOf(comment.range), from, to);
    const diagnostics = outside(
      old.diagnostics.map((diagnostic, index) => ({
        diagnostic,
        owner: old.diagnosticOwners[index] ?? 0,
      })),
      ({ owner }) => owner,
      from,
      to,
    );
    const start = startOffsetOf(first.range);
    const end =
      to === Infinity
        ? endOffsetOf(region.pipeline.range)
        : endOffsetOf(old.pipeline.range) + delta;
    // Last, as the old offsets read above move with the anchors.
    for (const anchor of anchors.after) anchor.move(lines, delta);
    const pipeline: Pipeline = {
      kind: 'pipeline',
      leadingPipe: first.leadingPipe,
      stages: [...stages.before, ...region.pipeline.stages, ...stages.after],
      range: lines.lazyRange(start, Math.max(start, end)),
    };
    return {
      pipeline,
      diagnostics: [
        ...diagnostics.before.map(({ diagnostic }) => diagnostic),
        ...region.diagnostics,
        ...diagnostics.after.map(({ diagnostic }) => movedDiagnostic(diagnostic, delta, lines)),
      ],
      diagnosticOwners: [
        ...diagnostics.before.map(({ owner }) => owner),
        ...region.diagnosticOwners,
        ...diagnostics.after.map(({ owner }) => owner + delta),
      ],
      comments: [
        ...comments.before,
        ...region.comments,
        ...comments.after.map((comment) => movedComment(comment, delta, lines)),
      ],
      topLevelPipes: [
        ...old.topLevelPipes.filter((pipe) => pipe < from),
        ...region.topLevelPipes,
        ...old.topLevelPipes.filter((pipe) => pipe >= to).map((pipe) => pipe + delta),
      ],
      // A region from the start brings the first stage's anchor; else its first is unused.
      stageAnchors: [
        ...(from === 0
          ? region.stageAnchors
          : [...firstAnchor, ...anchors.before, ...region.stageAnchors.slice(1)]),
        ...anchors.after,
      ],
    };
  }
}
