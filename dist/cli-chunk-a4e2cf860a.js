import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/metrics/catalog.ts
var CLASSIFICATION = ["binary-classification", "multiclass-classification"];
var METRICS = {
  accuracy: { direction: "higher", tasks: CLASSIFICATION, description: "share of test rows whose class is predicted right", shareOfRows: true },
  precision: {
    direction: "higher",
    tasks: CLASSIFICATION,
    description: "of rows predicted positive, the share that are (binary: the second class; multiclass: macro average)",
    shareOfRows: true
  },
  recall: {
    direction: "higher",
    tasks: CLASSIFICATION,
    description: "of positive rows, the share predicted positive (binary: the second class; multiclass: macro average)",
    shareOfRows: true
  },
  f1: { direction: "higher", tasks: CLASSIFICATION, description: "harmonic mean of precision and recall (multiclass: macro average)", shareOfRows: true },
  roc_auc: {
    direction: "higher",
    tasks: ["binary-classification"],
    description: "area under the ROC curve: chance that a positive row scores above a negative one"
  },
  log_loss: { direction: "lower", tasks: CLASSIFICATION, description: "cross-entropy of the predicted probabilities" },
  rmse: { direction: "lower", tasks: ["regression"], description: "root mean squared error, in target units" },
  mae: { direction: "lower", tasks: ["regression"], description: "mean absolute error, in target units" },
  r2: { direction: "higher", tasks: ["regression"], description: "coefficient of determination (1 is perfect, 0 predicts the mean)" }
};
function defaultMetrics(task) {
  return Object.keys(METRICS).filter((name) => METRICS[name].tasks.includes(task));
}

export {
  METRICS,
  defaultMetrics
};
