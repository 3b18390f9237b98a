import { Worker } from 'worker_threads';
import type { PackedAnalysis } from '../index/packedAnalysis';
import type { AnalyzeReply, AnalyzeRequest } from '../../shared/workerMessages';
import type { AnalyzeOptions } from '../types';

/**
 * A worker's young generation, half V8's default here. Analysis makes much short-lived garbage;
 * with the default, a cold 10,000-document pass peaked at 408-444 MB of RSS, with this at
 * 360-361 MB, in the same time (three passes each, `npm run bench`'s pass).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Jobs posted to a worker at once: the next one waits in its message queue, so the worker does not
 * idle while the host, busy merging a batch into the index, has yet to answer its last reply.
 */
const JOBS_PER_WORKER = 2;

/** Rejection of a job superseded by a newer one for the same document. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version of the document');
  }
}

interface Job {
  id: number;
  key: string;
  text: string;
  options?: AnalyzeOptions;
  resolve(analysis: PackedAnalysis): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Posted to the worker, in the order it answers them. */
  jobs: Job[];
}

/**
 * A pool of worker threads running analyzeDocument. One queued job per key (document): a newer
 * request replaces a queued one, which is rejected with Superseded (a job already posted to a
 * worker runs). A worker that dies fails only the job it was running, and is replaced.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  /** Workers start on the first job: a reopened corpus whose analyses are all cached needs none. */
  constructor(
    private readonly workerPath: string,
    private readonly size: number,
    private readonly log: (message: string) => void,
  ) {}

  analyze(key: string, text: string, options?: AnalyzeOptions): Promise<PackedAnalysis> {
    if (this.disposed) return Promise.reject(new Error('analysis pool disposed'));
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, text, options, resolve, reject };
      const queued = this.queue.findIndex(j => j.key === key);
      if (queued >= 0) this.queue.splice(queued, 1)[0].reject(new Superseded());
      this.queue.push(job);
      this.pump();
    });
  }

  /** Worker threads started. */
  get workers(): number {
    return this.slots.length;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.jobs.length, 0);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('analysis pool disposed'));
    for (const slot of this.slots) {
      for (const job of slot.jobs.splice(0)) job.reject(new Error('analysis pool disposed'));
      void slot.worker.terminate();
    }
  }

  private spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(this.workerPath, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
      jobs: [],
    };
    slot.worker.on('message', (reply: AnalyzeReply) => {
      const answered = slot.jobs.findIndex(job => job.id === reply.jobId);
      if (answered < 0) return;
      const [job] = slot.jobs.splice(answered, 1);
      if ('analysis' in reply) job.resolve(reply.analysis);
      else job.reject(new Error(reply.error));
      this.pump();
    });
    const replace = (reason: string) => {
      if (this.disposed) return;
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.log(`analysis worker stopped (${reason}); starting a new one`);
      // The first job was running; the others had not started and go back to the queue's head,
      // unless a newer version of their document is queued.
      const [running, ...waiting] = slot.jobs.splice(0);
      running?.reject(new Error(`the analysis worker stopped: ${reason}`));
      for (const job of waiting.reverse()) {
        if (this.queue.some(j => j.key === job.key)) job.reject(new Superseded());
        else this.queue.unshift(job);
      }
      this.slots[index] = this.spawn();
      this.pump();
    };
    slot.worker.on('error', e => replace(e.message));
    slot.worker.on('exit', code => replace(`exit code ${code}`));
    return slot;
  }

  private pump(): void {
    // Round by round, so that the workers share the queue while it is short.
    for (let round = 0; round < JOBS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.jobs.length > round || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        const request: AnalyzeRequest = { jobId: job.id, text: job.text, options: job.options };
        slot.worker.postMessage(request);
      }
    }
  }
}
