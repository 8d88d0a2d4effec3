// Worker thread entry: renders content files off the main thread so a pathological file can be stopped.
import { parentPort } from 'node:worker_threads';
import { withImages } from '../images/catalog.js';
import { renderTask, type RenderTask } from './render-task.js';

parentPort?.on('message', (task: RenderTask) => {
  parentPort?.postMessage(renderTask({ ...task, ctx: withImages(task.ctx) }));
});
// Modules are loaded: from here on, time spent is rendering time.
parentPort?.postMessage('ready');
