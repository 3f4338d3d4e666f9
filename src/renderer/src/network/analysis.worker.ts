/*
 * The Web Worker that runs the network analysis (src/core/graph/worker.ts) off the UI thread:
 * betweenness on a few thousand entities takes seconds, and the canvas must stay responsive.
 */
import { installAnalysisWorker } from '../../../core/graph/worker';

installAnalysisWorker(self);
