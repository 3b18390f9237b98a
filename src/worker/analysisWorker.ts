// Worker thread entry: analyses one document per message, off the extension host's event loop.
import { parentPort } from 'worker_threads';
import { analyzeDocument } from '../core/recognition/analyzer';
import { packAnalysis } from '../core/index/packedAnalysis';
import type { AnalyzeReply, AnalyzeRequest } from '../shared/workerMessages';

parentPort?.on('message', (request: AnalyzeRequest) => {
  let reply: AnalyzeReply;
  try {
    reply = { jobId: request.jobId, analysis: packAnalysis(analyzeDocument(request.text, request.options)) };
  } catch (e) {
    reply = { jobId: request.jobId, error: e instanceof Error ? e.stack || e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
