/**
 * gdump as a library: the same stages the CLI runs, for scripts and tools
 * (README "Library" shows one example per kind of snapshot).
 *
 *   import { parseDump, groupSnapshot } from 'gdump';
 *   const [s] = parseDump(text).snapshots;
 *   if (s.kind === 'traceback') console.log(groupSnapshot(s));
 *
 * Data flows one way: input → grammar → model → analysis → rendering.
 */
export * from './model/index.js';
export { parseDump, DumpReader, type ParseOptions, type ParseResult } from '../grammar/parse.js';
export { readText, type PipelineOptions, type PipelineResult } from './input/pipeline.js';
export { load, type Loaded, type LoadOptions } from './input/load.js';
export { openSource, type OpenOptions } from './input/open.js';
export type { InputSource } from './input/source.js';
export { FrameClassifier, findGoroot, type FrameKind } from './analysis/frames.js';
export { Grouper, groupSnapshot, classifierFor, matchesFilter, type Group, type GroupOptions, type MemberFilter } from './analysis/group.js';
export { GROUP_BY_MODES, SIMILARITIES, isGroupBy, type GroupBy, type Similarity } from './analysis/keys.js';
export { membersOf, type Member } from './analysis/members.js';
export { heapSites, contentionSites, type HeapSite, type ContentionSite } from './analysis/heap.js';
export { diffSnapshots, type DiffResult, type DiffSite, type DiffOptions } from './diff/diff.js';
export { snapshotJson, groupJson, frameJson } from './render/json.js';
export { diffJson } from './render/diff.js';
export { escapeTerminal } from './text/escape.js';
export { kindOf, type Kind, type ReportOptions, type TextReportOptions } from './kinds/index.js';
export { GdumpError, type Failure } from './errors.js';
