// Messages between the extension host and the analysis worker.
import type { DocumentAnalysis } from '../core/types';

export interface AnalyzeRequest {
  jobId: number;
  text: string;
}

export type AnalyzeReply =
  | { jobId: number; analysis: DocumentAnalysis }
  | { jobId: number; error: string };
