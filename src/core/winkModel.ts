// The one wink-nlp instance of the process, loaded on first use (the model takes ~100 ms).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

let instance: Wink | undefined;

export function wink(): Wink {
  instance ??= winkNLP(model);
  return instance;
}
