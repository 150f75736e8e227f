/**
 * Answers the routes KServe's clients use beside TF Serving's: the V1 model list and model card, and
 * the Open Inference Protocol (v2) routes. The server owns the model's state; this module only asks.
 * Refusals are thrown as RequestError, which the server answers as `{"error": "..."}`, the shape both
 * protocols give errors.
 */
import type { LoadedModel, Prediction } from '../model/predictor.ts';
import { readModelCard, MODEL_CARD_FILE } from './model-card.ts';
import { inferResponse, modelMetadata, parseInferRequest, serverMetadata } from './open-inference.ts';
import { RequestError } from './request-error.ts';
import type { ModelState } from './responses.ts';
import type { Route } from './routes.ts';

export interface ProtocolContext {
  state: ModelState;
  /** The served name, once known. */
  name: string | undefined;
  /** The loaded model if `route` names it (and its version), else a 404 (or 503 while it loads). */
  served(route: Route): LoadedModel;
  /** The server's predictor; `rows` arrays are in feature order. */
  predict(rows: unknown[][]): Prediction[];
  readBody(): Promise<Buffer>;
  maxBatch: number;
}

export interface Reply {
  status: number;
  body: string;
  contentType?: string;
}

const json = (body: unknown): Reply => ({ status: 200, body: JSON.stringify(body) });

export async function answerProtocolRoute(route: Route, ctx: ProtocolContext): Promise<Reply> {
  switch (route.kind) {
    case 'models':
      return json({ models: ctx.name === undefined ? [] : [ctx.name] });
    case 'card': {
      const loaded = ctx.served(route);
      const card = await readModelCard(loaded.dir);
      if (card === undefined) {
        throw new RequestError(404, `model ${JSON.stringify(ctx.name)} has no model card: its folder holds no ${MODEL_CARD_FILE}`, 'no_card');
      }
      return { status: 200, body: card, contentType: 'text/markdown; charset=utf-8' };
    }
    case 'v2_live':
      return json({ live: true });
    case 'v2_ready':
      if (ctx.state !== 'available') throw new RequestError(503, `the model is not ready (${ctx.state})`, 'unavailable');
      return json({ ready: true });
    case 'v2_server':
      return json(serverMetadata());
    case 'v2_metadata':
      return json(modelMetadata(ctx.served(route), ctx.name as string));
    case 'v2_model_ready':
      ctx.served(route);
      return json({ name: ctx.name, ready: true });
    case 'v2_infer': {
      const loaded = ctx.served(route);
      const request = parseInferRequest(await ctx.readBody(), loaded.preprocessing, ctx.maxBatch);
      const predictions = ctx.predict(request.rows);
      return json(inferResponse(predictions, loaded.preprocessing, ctx.name as string, loaded.version, request));
    }
    default:
      throw new Error(`route ${route.kind} is not a KServe route`);
  }
}
