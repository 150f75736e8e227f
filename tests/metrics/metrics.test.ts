import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../../src/domain/config.ts';
import type { Preprocessing } from '../../src/data/preprocessing.ts';
import { METRICS, defaultMetrics } from '../../src/metrics/catalog.ts';
import { confusionMatrix, logLoss, macroScores, rocAuc } from '../../src/metrics/classification.ts';
import { evaluate } from '../../src/metrics/evaluate.ts';
import { mae, r2, rmse } from '../../src/metrics/regression.ts';

function pre(task: Task, extra: Partial<Preprocessing> = {}): Preprocessing {
  return { version: 1, task, target: 'y', features: [], inputSize: 0, ...extra };
}

function near(actual: number | undefined, expected: number, digits = 6) {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 10 ** -digits, `${actual} ≠ ${expected}`);
}

describe('catalog', () => {
  it('knows each metric’s direction and tasks', () => {
    assert.equal(METRICS.log_loss.direction, 'lower');
    assert.equal(METRICS.r2.direction, 'higher');
    assert.deepEqual(METRICS.roc_auc.tasks, ['binary-classification']);
    assert.deepEqual(defaultMetrics('binary-classification'), ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss']);
    assert.deepEqual(defaultMetrics('multiclass-classification'), ['accuracy', 'precision', 'recall', 'f1', 'log_loss']);
    assert.deepEqual(defaultMetrics('regression'), ['rmse', 'mae', 'r2']);
  });
});

describe('rocAuc', () => {
  it('matches scikit-learn’s docstring example', () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
    assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
  });
  it('counts a tied positive/negative pair as half', () => {
    // Pairs (pos, neg): (0.5, 0.5) → ½, (0.5, 0.2) → 1, (0.9, 0.5) → 1, (0.9, 0.2) → 1: 3.5 / 4.
    assert.equal(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.875);
    assert.equal(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]), 0.5);
  });
  it('is undefined with a single class', () => {
    assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.9])));
  });
});

describe('logLoss', () => {
  it('clips certainty at 1e-15', () => {
    near(logLoss([0]), -Math.log(1e-15)); // 34.5388
    near(logLoss([1]), -Math.log(1 - 1e-15), 12);
  });
});

describe('evaluate: binary', () => {
  const classes = ['ham', 'spam'];
  it('matches scikit-learn’s log_loss example', () => {
    // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616…
    // −(ln .9 + ln .9 + ln .8 + ln .65) / 4 = (0.1053605 + 0.1053605 + 0.2231436 + 0.4307829) / 4
    const { metrics, evaluation } = evaluate(pre('binary-classification', { classes }), Float32Array.of(1, 0, 0, 1), Float32Array.of(0.9, 0.1, 0.2, 0.65));
    near(metrics.log_loss, 0.2161619);
    assert.deepEqual({ ...metrics, log_loss: 0 }, { accuracy: 1, precision: 1, recall: 1, f1: 1, roc_auc: 1, log_loss: 0 });
    assert.deepEqual(evaluation, {
      task: 'binary-classification',
      testRows: 4,
      classes,
      confusionMatrix: [
        [2, 0],
        [0, 2],
      ],
    });
  });

  it('scores mistakes by hand', () => {
    // Predicted (p ≥ 0.5): 1 0 1 1 0 0 against 1 1 1 0 0 0 → TP 2, FN 1, FP 1, TN 2.
    // AUC: positives 0.9, 0.4, 0.6 beat negatives 0.7, 0.2, 0.1 in 3 + 2 + 2 = 7 of 9 pairs.
    const { metrics, evaluation } = evaluate(
      pre('binary-classification', { classes }),
      Float32Array.of(1, 1, 1, 0, 0, 0),
      Float32Array.of(0.9, 0.4, 0.6, 0.7, 0.2, 0.1),
    );
    near(metrics.accuracy, 4 / 6);
    near(metrics.precision, 2 / 3);
    near(metrics.recall, 2 / 3);
    near(metrics.f1, 2 / 3);
    near(metrics.roc_auc, 7 / 9);
    assert.deepEqual(evaluation.confusionMatrix, [
      [2, 1],
      [1, 2],
    ]);
  });

  it('gives 0 where nothing is predicted positive, and no roc_auc for a single class', () => {
    const none = evaluate(pre('binary-classification', { classes }), Float32Array.of(1, 0), Float32Array.of(0.1, 0.2)).metrics;
    assert.deepEqual([none.accuracy, none.precision, none.recall, none.f1], [0.5, 0, 0, 0]);
    const single = evaluate(pre('binary-classification', { classes }), Float32Array.of(1, 1), Float32Array.of(0.7, 0.8)).metrics;
    assert.equal('roc_auc' in single, false);
    assert.equal(single.accuracy, 1);
  });
});

describe('evaluate: multiclass', () => {
  it('matches scikit-learn’s macro-average example', () => {
    // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]:
    // precision_score(average='macro') = 0.2222, recall 0.3333, f1 0.2667 (scikit-learn docs).
    const truth = [0, 1, 2, 0, 1, 2];
    const predicted = [0, 2, 1, 0, 0, 1];
    const yTrue = new Float32Array(18);
    const yPred = new Float32Array(18).fill(0.2);
    truth.forEach((k, r) => {
      yTrue[r * 3 + k] = 1;
    });
    predicted.forEach((k, r) => {
      yPred[r * 3 + k] = 0.6;
    });
    const { metrics, evaluation } = evaluate(pre('multiclass-classification', { classes: ['a', 'b', 'c'] }), yTrue, yPred);
    near(metrics.accuracy, 2 / 6);
    near(metrics.precision, 2 / 9, 4);
    near(metrics.recall, 1 / 3, 4);
    near(metrics.f1, 4 / 15, 4);
    // True-class probabilities 0.6, 0.2, 0.2, 0.6, 0.2, 0.2: −(2 ln 0.6 + 4 ln 0.2) / 6 = 1.2432338.
    near(metrics.log_loss, 1.2432338, 5);
    assert.deepEqual(evaluation.confusionMatrix, [
      [2, 0, 0],
      [1, 0, 1],
      [0, 2, 0],
    ]);
    assert.equal(evaluation.testRows, 6);
  });

  it('averages over the classes that occur', () => {
    // Class 2 is neither actual nor predicted: macro over classes 0 (P ½, R 1) and 1 (P 1, R ½).
    const scores = macroScores([
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    near(scores.precision, 0.75);
    near(scores.recall, 0.75);
    near(scores.f1, 2 / 3);
  });
});

describe('evaluate: regression', () => {
  it('unscales and matches scikit-learn’s examples', () => {
    // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8]: MSE 0.375, MAE 0.5, R² 0.948608 (scikit-learn docs).
    // Standardised with mean 2, std 4.
    const z = (ys: number[]) => Float32Array.from(ys, (y) => (y - 2) / 4);
    const { metrics, evaluation } = evaluate(pre('regression', { targetScale: { mean: 2, std: 4 } }), z([3, -0.5, 2, 7]), z([2.5, 0, 2, 8]));
    near(metrics.rmse, Math.sqrt(0.375));
    near(metrics.mae, 0.5);
    near(metrics.r2, 0.948608);
    assert.deepEqual(evaluation, { task: 'regression', testRows: 4 });
  });

  it('gives R² 1 or 0 for a constant target', () => {
    assert.equal(r2([1, 1], [1, 1]), 1);
    assert.equal(r2([1, 1], [1, 2]), 0);
  });

  it('refuses predictions of the wrong length (a bug, not a user mistake)', () => {
    assert.throws(
      () => evaluate(pre('regression', { targetScale: { mean: 0, std: 1 } }), new Float32Array(3), new Float32Array(2)),
      /3 target values but 2 predictions/,
    );
  });
});

describe('weighted metrics (a bootstrap resample as row multiplicities)', () => {
  // Row i counted weight[i] times must equal the metric of the rows repeated that often.
  const actual = [0, 1, 1, 0, 1, 0, 1, 1];
  const predicted = [0, 1, 0, 0, 1, 1, 1, 0];
  const scores = [0.2, 0.9, 0.4, 0.4, 0.7, 0.6, 0.4, 0.1];
  const values = [1.5, 2, 3.25, 4, 5, 6.5, 7, 8];
  const guesses = [1, 2.5, 3, 4.5, 4, 7, 6.5, 9];
  const weight = [2, 0, 1, 3, 1, 0, 2, 1];
  const expand = <T>(xs: T[]) => xs.flatMap((x, i) => new Array<T>(weight[i]).fill(x));

  it('equal the unweighted metric of the expanded rows', () => {
    assert.deepEqual(confusionMatrix(actual, predicted, 2, weight), confusionMatrix(expand(actual), expand(predicted), 2));
    near(logLoss(scores, weight), logLoss(expand(scores)), 12);
    near(rocAuc(actual, scores, weight), rocAuc(expand(actual), expand(scores)), 12);
    near(rmse(values, guesses, weight), rmse(expand(values), expand(guesses)), 12);
    near(mae(values, guesses, weight), mae(expand(values), expand(guesses)), 12);
    near(r2(values, guesses, weight), r2(expand(values), expand(guesses)), 12);
  });

  it('ROC AUC equals brute-force pair counting, ties counted half', () => {
    const pairs = (pos: number[], sc: number[]) => {
      let wins = 0;
      let count = 0;
      pos.forEach((p, i) => {
        if (p !== 1) return;
        pos.forEach((q, j) => {
          if (q !== 0) return;
          count++;
          wins += sc[i] > sc[j] ? 1 : sc[i] === sc[j] ? 0.5 : 0;
        });
      });
      return wins / count;
    };
    near(rocAuc(expand(actual), expand(scores)), pairs(expand(actual), expand(scores)), 12);
    near(rocAuc(actual, scores), pairs(actual, scores), 12);
  });
});
