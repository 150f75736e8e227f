import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  failOnGates,
  pr_default,
  setResultOutputs
} from "./chunk-RSFITAWB.js";
import "./chunk-IKJDYQAE.js";
import "./chunk-DOKTCUVK.js";
import "./chunk-RP6XDFB7.js";
import "./chunk-KXCGM42R.js";
import "./chunk-AADEROUG.js";
import "./chunk-ID7VQIZD.js";
import "./chunk-HMAK5SCA.js";
import "./chunk-ZOWBQWBA.js";
import "./chunk-UX6ZKB65.js";
import "./chunk-W6S3SRNE.js";
import "./chunk-O2QFVXDL.js";
import "./chunk-MKMLDSNF.js";
import "./chunk-6DWFLFQC.js";
import "./chunk-C5KZMDF4.js";
import "./chunk-X7SRBJM7.js";
export {
  pr_default as default,
  failOnGates,
  setResultOutputs
};
