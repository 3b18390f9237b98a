// Messages between the extension host and the analysis worker. Analyses travel packed: arrays
// of numbers are far cheaper for the extension host to receive than a hundred small objects.
import type { PackedAnalysis } from '../core/index/packedAnalysis';
import type { AnalyzeOptions } from '../core/types';

export interface AnalyzeRequest {
  jobId: number;
  text: string;
  options?: AnalyzeOptions;
}

export type AnalyzeReply = { jobId: number; analysis: PackedAnalysis } | { jobId: number; error: string };
