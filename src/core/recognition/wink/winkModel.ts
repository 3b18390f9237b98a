// The one wink-nlp instance of the process, loaded on first use (the model takes ~100 ms).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

/**
 * The analyzer reads tokens, sentences, POS and entities only: negation and sentiment (in wink's
 * default pipeline) are skipped. Tokens, POS, sentences and entities are the same either way.
 */
export const ANALYZER_PIPE = ['sbd', 'pos', 'ner'];

let instance: Wink | undefined;

export function wink(): Wink {
  instance ??= winkNLP(model, ANALYZER_PIPE);
  return instance;
}
