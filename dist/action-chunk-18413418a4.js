import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  FULL_SHA
} from "./action-chunk-4fcbb936ca.js";
import {
  excerpt,
  shorten
} from "./action-chunk-55db69e02f.js";

// src/schemas/validator.ts
var instance;
var compiled = /* @__PURE__ */ new WeakMap();
var ajv = () => instance ??= import("./action-ajv-dist-ajv.js").then(
  ({ default: exported }) => new exported({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true, discriminator: true })
);
function validator(schema) {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().then((instance2) => instance2.compile(schema));
    compiled.set(schema, validate);
  }
  return validate;
}
function schemaProblems(errors, root) {
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const error of errors ?? []) {
    if (["oneOf", "anyOf", "if"].includes(error.keyword) && problems.length > 0) continue;
    const missing = error.keyword === "required" ? String(error.params.missingProperty) : void 0;
    const pointer = missing === void 0 ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    problems.push({ path: dotted(pointer, root), pointer, message: describe(error, missing) });
  }
  return problems;
}
function describe(error, missing) {
  if (missing !== void 0) {
    const field = error.parentSchema?.properties?.[missing];
    return `expected ${field?.description ?? "a value"}, got nothing`;
  }
  if (error.keyword === "additionalProperties" && error.params.additionalProperty !== void 0) {
    return `unexpected field "${excerpt(String(error.params.additionalProperty), 60)}"`;
  }
  if (error.keyword === "discriminator") return `${error.message ?? "unknown kind"}, got ${got(error.data)}`;
  const expected = typeof error.parentSchema?.description === "string" ? error.parentSchema.description : (error.message ?? error.keyword).replace(/^must be /, "");
  return `expected ${expected}, got ${got(error.data)}`;
}
function got(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return `"${excerpt(value, 60)}"`;
  return shorten(JSON.stringify(value) ?? String(value), 60).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
var escapePointer = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");
function dotted(pointer, root) {
  let path = "";
  let at = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path += Array.isArray(at) ? `[${key}]` : path === "" ? key : `.${key}`;
    at = typeof at === "object" && at !== null ? at[key] : void 0;
  }
  return excerpt(path, 200);
}

// src/schemas/parts.ts
var str = (maxLength = 500) => ({ type: "string", maxLength });
var sha = { type: "string", pattern: FULL_SHA.source };
var absentNotNull = { nullable: true, not: { type: "null" } };
var optional = (schema) => ({ ...schema, ...absentNotNull });

export {
  str,
  sha,
  absentNotNull,
  optional,
  validator,
  schemaProblems,
  got
};
