// aws-local-stepfunctions 3 uses Promise.withResolvers (Node 22); we run on Node 20 (STACK.md).
import '../local/polyfills.js';
